package dev.k6j.engine.modules.webcrypto;

import dev.k6j.engine.modules.ModuleScripts;
import org.junit.jupiter.api.Test;

class WebCryptoScriptTest {

    @Test
    void theCryptoAndTextEncodingGlobalsWorkFromAScript() {
        ModuleScripts.passes("webcrypto.js");
    }
}
