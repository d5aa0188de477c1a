package dev.k6j.engine.modules.html;

import dev.k6j.engine.modules.ModuleScripts;
import org.junit.jupiter.api.Test;

class HtmlModuleTest {

    @Test
    void selectionsElementsAndFormsWorkOnAFixturePage() {
        ModuleScripts.passes("html.js");
    }
}
