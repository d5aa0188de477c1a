package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code .ts} scripts and imports run as k6 runs them: types stripped, errors at the {@code .ts} lines. */
class TypeScriptTest {

    private static String script(String name) {
        return CliRun.scripts().resolve("typescript").resolve(name).toString();
    }

    @Test
    void everyTypeScriptConstructK6StripsRuns() {
        CliRun run = CliRun.of("run", "-q", "-a", "", script("features.ts"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("✓ enums").contains("✓ parameter properties").contains("✓ a .js module from .ts")
                .containsPattern("checks\\.+: 100\\.00%");
    }

    @Test
    void theTypeScriptExampleRuns() {
        Path example = Path.of("../examples/typescript.ts").toAbsolutePath().normalize();
        CliRun run = CliRun.of("run", "-q", "-a", "", "-d", "1s", example.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("✓ a big order is high priority");
    }

    @Test
    void javaScriptImportsTypeScript() {
        CliRun run = CliRun.of("run", "-q", "-a", "", script("from-js.js"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("✓ a .ts module from .js");
    }

    @Test
    void anErrorPointsAtTheTypeScriptLine() {
        CliRun run = CliRun.of("run", "-q", "-a", "", "--no-summary", script("throws.ts"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("Error: boom").contains("throws.ts:8:");
    }

    @Test
    void aSyntaxErrorIsOneLineWithFileLineAndColumn() {
        CliRun run = CliRun.of("run", "-q", "-a", "", script("broken.ts"));
        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr().strip()).doesNotContain("\n").contains(Path.of(script("broken.ts")) + ":2:")
                .contains("Expression expected");
    }

    @Test
    void baseCompatibilityModeRunsTypeScriptButHasNoGlobalAlias() {
        CliRun base = CliRun.of("run", "-q", "-a", "", "--no-summary", "--compatibility-mode=base", script("global.ts"));
        assertThat(base.exitCode()).as(base.all()).isZero();
        assertThat(base.stderr()).contains("global is undefined");
        CliRun extended = CliRun.of("run", "-q", "-a", "", "--no-summary", script("global.ts"));
        assertThat(extended.stderr()).as(extended.all()).contains("global is globalThis");
    }

    @Test
    void anUnknownCompatibilityModeIsAConfigurationError() {
        CliRun run = CliRun.of("run", "-q", "-a", "", "--compatibility-mode=es5", script("global.ts"));
        assertThat(run.exitCode()).as(run.all()).isEqualTo(255);
        assertThat(run.stderr()).contains("invalid compatibility mode \\\"es5\\\". Use: \\\"extended\\\", \\\"base\\\"");
    }

    @Test
    void inspectAndArchiveReadTypeScript(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        CliRun inspect = CliRun.of("inspect", script("features.ts"));
        assertThat(inspect.exitCode()).as(inspect.all()).isZero();
        assertThat(inspect.stdout()).contains("\"iterations\" : 1");
        Path tar = tmp.resolve("ts.tar");
        CliRun archive = CliRun.of("archive", "-O", tar.toString(), script("features.ts"));
        assertThat(archive.exitCode()).as(archive.all()).isZero();
        CliRun run = CliRun.of("run", "-q", "-a", "", tar.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("✓ a .ts module from .ts");
    }
}
