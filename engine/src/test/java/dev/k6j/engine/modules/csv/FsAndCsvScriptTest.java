package dev.k6j.engine.modules.csv;

import dev.k6j.engine.modules.ModuleScripts;
import org.junit.jupiter.api.Test;

class FsAndCsvScriptTest {

    @Test
    void filesOpenInTheInitContextAndCsvParsesIntoSharedArraysAndParsers() {
        ModuleScripts.passes("fs-csv.js");
    }
}
