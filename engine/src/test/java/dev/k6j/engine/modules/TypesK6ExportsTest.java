package dev.k6j.engine.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every runtime export that {@code @types/k6} declares for the batteries-included modules exists in k6j. The lists
 * are read from the package's declaration files, not written by hand: the build fetches the release the engine's pom
 * pins ({@code types-k6.version}) from the npm registry; without the registry the test reads the copy in
 * {@code src/test/resources/types-k6} ({@code update.sh} refreshes it; {@code VERSION} names it). See
 * {@link TypesK6Package}.
 */
class TypesK6ExportsTest {

    private static final Path CHECKED_IN = TypesK6Package.CHECKED_IN;
    private static final Map<String, String> MODULES = new TreeMap<>(Map.of(
            "k6/crypto", "crypto",
            "k6/data", "data",
            "k6/encoding", "encoding",
            "k6/html", "html",
            "k6/secrets", "secrets",
            "k6/experimental/csv", "experimental/csv",
            "k6/experimental/fs", "experimental/fs",
            "k6/experimental/streams", "experimental/streams"));

    @TempDir
    Path dir;

    @Test
    void theCheckedInCopyIsTheReleaseThePomPins() throws IOException {
        String pinned = System.getProperty("k6j.types-k6.version", "(not run by Maven)");
        assertThat(Files.readString(CHECKED_IN.resolve("VERSION")).trim())
                .as("src/test/resources/types-k6 must be @types/k6 " + pinned + ": run update.sh " + pinned)
                .isEqualTo(pinned.startsWith("(") ? Files.readString(CHECKED_IN.resolve("VERSION")).trim() : pinned);
        TypesK6Package types = types();
        for (String folder : MODULES.values()) {
            assertThat(Files.readString(CHECKED_IN.resolve(folder).resolve("index.d.ts")))
                    .as(folder + " in the checked-in copy and in " + types.origin())
                    .isEqualTo(types.files().get(folder));
        }
    }

    @Test
    void theDeclarationsAreReadAsExpected() throws IOException {
        TypeDeclarations crypto = declarations("crypto");
        assertThat(crypto.named()).contains("createHash", "createHMAC", "hmac", "md4", "ripemd160", "randomBytes")
                .doesNotContain("Hasher", "Algorithm");
        assertThat(crypto.defaultMembers()).containsAll(crypto.named());
        assertThat(declarations("secrets").defaultMembers()).containsExactlyInAnyOrder("get", "source");
        assertThat(declarations("experimental/fs").named()).contains("open", "File", "SeekMode").doesNotContain("FileInfo");
        assertThat(declarations("html").named()).contains("parseHTML").doesNotContain("Selection", "Element");
    }

    @Test
    void everyDeclaredExportExistsAtRunTime() throws IOException {
        StringBuilder script = new StringBuilder("import { check } from 'k6';\n");
        StringBuilder body = new StringBuilder();
        int index = 0;
        int expected = 0;
        for (Map.Entry<String, String> module : MODULES.entrySet()) {
            TypeDeclarations declared = declarations(module.getValue());
            String ns = "ns" + index;
            String def = "def" + index++;
            script.append("import * as ").append(ns).append(" from '").append(module.getKey()).append("';\n")
                    .append("const ").append(def).append(" = ").append(ns).append(".default;\n");
            for (String name : declared.named()) {
                body.append(check(module.getKey() + " exports " + name, ns + "['" + name + "'] !== undefined"));
                expected++;
            }
            for (String name : declared.defaultMembers()) {
                body.append(check(module.getKey() + " default export has " + name, def + " != null && " + def
                        + "['" + name + "'] !== undefined"));
                expected++;
            }
        }
        script.append("export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };\n")
                .append("export default function () {\n").append(body).append("}\n");
        Path file = dir.resolve("exports.js");
        Files.writeString(file, script);

        CliRun run = CliRun.of("run", "-q", file.toString());
        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(expected).as("exports checked from " + types().origin()).isGreaterThan(30);
        assertThat(run.stdout()).contains("✓ " + expected);
    }

    private static String check(String name, String expression) {
        return "  check(null, { " + quote(name) + ": () => " + expression + " });\n";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "\\'") + "'";
    }

    private static TypeDeclarations declarations(String folder) throws IOException {
        return types().declarations(folder);
    }

    private static TypesK6Package types() throws IOException {
        return TypesK6Package.load(List.copyOf(MODULES.values()));
    }
}
