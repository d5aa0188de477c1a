package dev.k6j.engine.modules.crypto;

import dev.k6j.engine.modules.ModuleScripts;
import org.junit.jupiter.api.Test;

class CryptoModuleTest {

    @Test
    void hashesHmacsAndRandomBytesMatchKnownVectorsInAScript() {
        ModuleScripts.passes("crypto.js");
    }
}
