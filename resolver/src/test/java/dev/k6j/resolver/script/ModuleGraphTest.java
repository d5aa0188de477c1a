package dev.k6j.resolver.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleGraphTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void walksLocalImportsAndCollectsRequirementsAsK6Deps() throws IOException {
        Path main = write("main.js", """
                import directive from "./modules/with-directive.js";
                export default function () { directive(); }
                """);
        write("modules/with-directive.js", """
                "use k6 with k6/x/alpha >= 1.2.3";
                import beta from "k6/x/beta";
                import util from "./util.js";
                export default function () { util(); beta(); }
                """);
        write("modules/util.js", "export default function () { return 'util'; }\n");

        ScriptDependencies deps = ModuleGraph.walk(main.toUri(), Files.readString(main), ModuleGraph.LOCAL_FILES);

        assertThat(deps.imports()).containsExactly(main.toUri().toString(),
                dir.resolve("modules/util.js").toUri().toString(),
                dir.resolve("modules/with-directive.js").toUri().toString(), "k6/x/beta");
        assertThat(deps.requirements()).containsOnlyKeys("k6/x/alpha", "k6/x/beta");
        assertThat(deps.requirements().get("k6/x/alpha").constraintText()).isEqualTo(">=1.2.3");
        assertThat(deps.requirements().get("k6/x/beta").constraintText()).isEqualTo("*");
        assertThat(deps.requirements().get("k6/x/beta").importedBy())
                .containsExactly(dir.resolve("modules/with-directive.js").toString());
    }

    @Test
    void conflictingDirectivesNameBothFiles() throws IOException {
        Path main = write("main.js", """
                "use k6 with k6/x/faker > 0.4.0";
                import lib from './lib.js';
                """);
        write("lib.js", "'use k6 with k6/x/faker < 0.3';\nimport faker from 'k6/x/faker';\n");

        assertThatThrownBy(() -> ModuleGraph.walk(main.toUri(), Files.readString(main), ModuleGraph.LOCAL_FILES))
                .hasMessageContaining("\"use k6 with k6/x/faker > 0.4.0\" in " + main)
                .hasMessageContaining("\"use k6 with k6/x/faker < 0.3\" in " + dir.resolve("lib.js"))
                .hasMessageContaining("keep one constraint for k6/x/faker");
    }

    @Test
    void theSameConstraintTwiceIsNoConflict() throws IOException {
        Path main = write("main.js", "\"use k6 with k6/x/faker >= 0.4\";\nimport './lib.js';\n");
        write("lib.js", "\"use k6 with k6/x/faker >=0.4\";\n");

        ScriptDependencies deps = ModuleGraph.walk(main.toUri(), Files.readString(main), ModuleGraph.LOCAL_FILES);

        assertThat(deps.requirements().get("k6/x/faker").declaredIn()).isEqualTo(main.toString());
    }

    @Test
    void anotherReaderFeedsRemoteModulesThroughTheSameScan() throws IOException {
        Path main = write("main.js", "import lib from 'https://example.test/lib/index.js';\n");
        Map<String, String> remote = new HashMap<>();
        remote.put("https://example.test/lib/index.js", "import './more.ts';\n");
        remote.put("https://example.test/lib/more.ts", "\"use k6 with k6/x/sql ~1.2\";\nimport type { A } from './a.ts';\n");
        ModuleGraph.ModuleReader reader = uri -> uri.getScheme().equals("https")
                ? Optional.ofNullable(remote.get(uri.toString())) : ModuleGraph.LOCAL_FILES.read(uri);

        ScriptDependencies deps = ModuleGraph.walk(main.toUri(), Files.readString(main), reader);

        assertThat(deps.imports()).contains("https://example.test/lib/index.js", "https://example.test/lib/more.ts")
                .doesNotContain("https://example.test/lib/a.ts");
        assertThat(deps.requirements().get("k6/x/sql").declaredIn()).isEqualTo("https://example.test/lib/more.ts");
    }

    @Test
    void unreadableAndBareModulesAreSkipped() throws IOException {
        Path main = write("main.js", "import a from './missing.js';\nimport b from 'lodash';\nimport c from 'k6/x/c';\n");

        ScriptDependencies deps = ModuleGraph.walk(main.toUri(), Files.readString(main), ModuleGraph.LOCAL_FILES);

        assertThat(deps.requirements()).containsOnlyKeys("k6/x/c");
        assertThat(ModuleGraph.resolve(URI.create("file:///a/b/c.js"), "../d.js")).contains(URI.create("file:///a/d.js"));
    }
}
