package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code k6j deps} in k6 v1.6's shape, and {@code k6j extension list|search}. */
class DepsAndExtensionCommandTest {

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void depsJsonHasK6sFieldsForNestedImportsAndDirectivesAcrossFiles() throws IOException {
        Path main = write("main.js", "import directive from './modules/with-directive.js';\n"
                + "import http from 'k6/http';\nexport default function () { directive(); }\n");
        write("modules/with-directive.js", "\"use k6 with k6/x/alpha >= 1.2.3\";\nimport beta from 'k6/x/beta';\n"
                + "import util from './util.js';\nexport default function () { util(); beta(); }\n");
        write("modules/util.js", "export default function () { return 'util'; }\n");

        CliRun run = CliRun.of("deps", "--json", main.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.stdout());
        assertThat(json.get("buildDependencies").toString()).isEqualTo("{\"k6/x/alpha\":\">=1.2.3\",\"k6/x/beta\":\"*\"}");
        assertThat(json.get("customBuildRequired").asBoolean()).isTrue();
        assertThat(new ObjectMapper().convertValue(json.get("imports"), List.class)).containsExactly(
                main.toUri().toString(), tmp.resolve("modules/util.js").toUri().toString(),
                tmp.resolve("modules/with-directive.js").toUri().toString(), "k6/http", "k6/x/beta");
        assertThat(json.get("extensions").get(0).get("name").asText()).isEqualTo("k6/x/alpha");
        assertThat(json.get("extensions").get(0).get("present").asBoolean()).isFalse();
        assertThat(run.stdout()).startsWith("{\n  \"buildDependencies\": {\n    \"k6/x/alpha\": \">=1.2.3\",");
    }

    @Test
    void depsTextSaysWhatThisK6jHasAndWhatItWouldFetch() throws IOException {
        Path main = write("main.js", "\"use k6 >= 1.0\";\nimport http from 'k6/http';\n"
                + "import { greet } from 'k6/x/greeting';\nexport default function () {}\n");

        CliRun run = CliRun.of("deps", main.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).isEqualTo("""
                Build Dependencies:
                  k6: >=1.0
                  k6/x/greeting: *

                Imports:
                  %s
                  k6/http
                  k6/x/greeting

                Custom Build Required: yes

                This k6j:
                  k6/x/greeting *: missing; resolved on demand when the script runs: com.example:k6j-greeting from the \
                built-in catalog
                """.formatted(main.toUri()));
    }

    @Test
    void depsOfAScriptWithOnlyK6sModulesNeedsNoBuild() throws IOException {
        CliRun run = CliRun.of("deps", write("plain.js", "import http from 'k6/http';\n").toString());

        assertThat(run.stdout()).startsWith("Build Dependencies: (none)\n\n").endsWith("Custom Build Required: no\n");
    }

    @Test
    void extensionListAndSearchShowTheCatalogs() {
        CliRun list = CliRun.of("extension", "list");
        CliRun search = CliRun.of("extension", "search", "PROMETHEUS");
        CliRun none = CliRun.of("extension", "search", "no-such-thing");

        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stdout()).startsWith("Extensions in the catalogs (built-in); k6j fetches them when a script or"
                + " --out needs them:\n").contains("  k6/x/greeting\n      com.example:k6j-greeting  versions: any in"
                + " the repositories  SPI [0.1,0.2)  community  [built-in]\n")
                .contains("  k6/x/tcp\n").contains("not in this k6j: fetched on demand");
        assertThat(search.stdout()).contains("--out experimental-prometheus-rw, --out xk6-prometheus-rw")
                .doesNotContain("k6/x/tcp");
        assertThat(none.stdout()).isEqualTo("No extension in the catalogs (built-in) matches 'no-such-thing'.\n");
    }
}
