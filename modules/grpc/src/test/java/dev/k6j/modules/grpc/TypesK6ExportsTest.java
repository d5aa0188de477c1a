package dev.k6j.modules.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import dev.k6j.engine.modules.TypeDeclarations;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every runtime export {@code @types/k6} declares for {@code k6/net/grpc} exists, as named export and on the default
 * export, under both names of the module. The list is read from the declaration file the engine's tests keep
 * ({@code engine/src/test/resources/types-k6/net/grpc}, refreshed by its {@code update.sh}).
 */
class TypesK6ExportsTest {

    private static final Path DECLARATIONS = Path.of("../../engine/src/test/resources/types-k6/net/grpc/index.d.ts");

    @TempDir
    Path dir;

    @Test
    void everyDeclaredExportExistsUnderBothNames() throws Exception {
        TypeDeclarations declared = TypeDeclarations.read(DECLARATIONS);
        assertThat(declared.named()).contains("Client", "Stream", "StatusOK", "HealthCheckServiceUnkown")
                .doesNotContain("Response", "Params");
        StringBuilder script = new StringBuilder("import { check } from 'k6';\n"
                + "import * as k6 from 'k6/net/grpc';\nimport * as x from 'k6/x/grpc';\n"
                + "export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };\n"
                + "export default function () {\n");
        int expected = 0;
        for (String ns : new String[] {"k6", "x"}) {
            for (String name : declared.named()) {
                script.append("  check(null, { '").append(ns).append(" exports ").append(name).append("': () => ")
                        .append(ns).append("['").append(name).append("'] !== undefined });\n");
                expected++;
            }
            for (String name : declared.defaultMembers()) {
                script.append("  check(null, { '").append(ns).append(" default has ").append(name).append("': () => ")
                        .append(ns).append(".default['").append(name).append("'] !== undefined });\n");
                expected++;
            }
        }
        Path file = dir.resolve("exports.js");
        Files.writeString(file, script.append("}\n"));

        CliRun run = CliRun.of("run", "-q", file.toString());

        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(expected).isGreaterThan(50);
        assertThat(run.stdout()).contains("✓ " + expected);
    }
}
