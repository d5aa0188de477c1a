package dev.k6j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptSelectionTest {

    @Test
    void byDefaultEveryJsFileButHelperLibrariesIsAScript(@TempDir Path folder) throws IOException {
        for (String file : List.of("smoke.js", "api/login.js", "lib/helpers.js", "api/lib/auth.js", "data/users.json",
                "node_modules/x/index.js")) {
            Files.createDirectories(folder.resolve(file).getParent());
            Files.writeString(folder.resolve(file), "");
        }

        assertThat(new ScriptSelection(null, null).find(folder)).containsExactly(Path.of("api/login.js"),
                Path.of("smoke.js"));
    }

    @Test
    void includesAndExcludesAreAntPatterns() {
        ScriptSelection onlySmoke = new ScriptSelection(List.of("smoke.js"), List.of());
        assertThat(onlySmoke.selects(Path.of("smoke.js"))).isTrue();
        assertThat(onlySmoke.selects(Path.of("api/smoke.js"))).isFalse();

        ScriptSelection apiButSlow = new ScriptSelection(List.of("api/**"), List.of("**/*-slow.js"));
        assertThat(apiButSlow.selects(Path.of("api/v1/orders.js"))).isTrue();
        assertThat(apiButSlow.selects(Path.of("api/v1/orders-slow.js"))).isFalse();
        assertThat(apiButSlow.selects(Path.of("smoke.js"))).isFalse();

        assertThat(new ScriptSelection(List.of("**/s?oke.js"), List.of()).selects(Path.of("a/b/smoke.js"))).isTrue();
    }

    @Test
    void aMissingFolderHasNoScripts(@TempDir Path folder) {
        assertThat(new ScriptSelection(null, null).find(folder.resolve("src/test/k6"))).isEmpty();
    }
}
