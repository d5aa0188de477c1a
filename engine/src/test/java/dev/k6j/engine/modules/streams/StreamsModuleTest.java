package dev.k6j.engine.modules.streams;

import dev.k6j.engine.modules.ModuleScripts;
import org.junit.jupiter.api.Test;

class StreamsModuleTest {

    @Test
    void readableStreamsPullPushCancelErrorAndIterate() {
        ModuleScripts.passes("streams.js");
    }
}
