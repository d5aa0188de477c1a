package dev.k6j.modules.websockets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import dev.k6j.engine.modules.TypeDeclarations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every runtime export that {@code @types/k6} declares for {@code k6/ws} and {@code k6/websockets} exists, under
 * every name this module answers to. The lists come from the package's declaration files
 * ({@code src/test/resources/types-k6}, copied by its {@code update.sh}), read by the engine's
 * {@link TypeDeclarations}.
 */
class TypesK6ExportsTest {

    private static final Path TYPES = Path.of("src/test/resources/types-k6").toAbsolutePath();
    private static final Map<String, String> MODULES = new TreeMap<>(Map.of(
            "k6/ws", "ws",
            "k6/x/ws", "ws",
            "k6/websockets", "websockets",
            "k6/experimental/websockets", "websockets",
            "k6/x/websockets", "websockets"));

    @TempDir
    Path dir;

    @Test
    void theDeclarationsAreReadAsExpected() throws IOException {
        assertThat(declarations("ws").named()).containsExactly("connect");
        assertThat(declarations("ws").defaultMembers()).containsExactly("connect");
        assertThat(declarations("websockets").named()).containsExactlyInAnyOrder("WebSocket", "Blob");
    }

    @Test
    void everyDeclaredExportExistsAtRunTime() throws IOException {
        StringBuilder script = new StringBuilder("import { check } from 'k6';\n");
        StringBuilder body = new StringBuilder();
        int index = 0;
        int expected = 0;
        for (Map.Entry<String, String> module : MODULES.entrySet()) {
            TypeDeclarations declared = declarations(module.getValue());
            String ns = "ns" + index++;
            script.append("import * as ").append(ns).append(" from '").append(module.getKey()).append("';\n");
            for (String name : declared.named()) {
                body.append(check(module.getKey() + " exports " + name, ns + "['" + name + "'] !== undefined"));
                expected++;
            }
            for (String name : declared.defaultMembers()) {
                body.append(check(module.getKey() + " default export has " + name,
                        ns + ".default != null && " + ns + ".default['" + name + "'] !== undefined"));
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
        assertThat(run.stdout()).contains("✓ " + expected);
    }

    private static String check(String name, String expression) {
        return "  check(null, { '" + name + "': () => " + expression + " });\n";
    }

    private static TypeDeclarations declarations(String folder) throws IOException {
        return TypeDeclarations.read(TYPES.resolve(folder).resolve("index.d.ts"));
    }
}
