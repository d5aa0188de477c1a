package dev.k6j.engine.modules.streams;

import dev.k6j.engine.modules.ModuleScripts;
import org.junit.jupiter.api.Test;

class StreamsModuleTest {

    @Test
    void readableStreamsPullPushCancelErrorAndTee() {
        ModuleScripts.passes("streams.js");
    }

    @Test
    void writableStreamsPipingAndTransformStreams() {
        ModuleScripts.passes("streams-pipe.js");
    }
}
