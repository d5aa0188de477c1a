package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * k6's sandbox rule: a script loads modules and reads files only in the init stage. Every way into the file
 * system is tried in setup, an iteration and teardown (sandbox/after-init.js); each fails with k6's message and
 * no file's content reaches the script.
 */
class InitStageSandboxTest {

    private static final String IMPORT_REFUSED = "the \"import\" function is only available in the init stage "
            + "(i.e. the global scope), see https://grafana.com/docs/k6/latest/using-k6/test-lifecycle/ for more "
            + "information";
    private static final List<String> STAGES = List.of("setup", "iteration", "teardown");

    @Test
    void everyWayIntoTheFileSystemIsRefusedAfterTheInitStageWithK6sMessage() {
        CliRun run = CliRun.of("run", "-q", "--address", "", "sandbox/after-init.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        // The log is k6's logfmt off a terminal: quotes inside a message are escaped.
        String stderr = run.stderr().replace("\\\"", "\"");
        assertThat(stderr).as("import() in the init stage still loads").contains("init import: loaded-in-init");
        for (String stage : STAGES) {
            for (String way : List.of("import-js", "import-json", "import-absolute", "import-k6-module",
                    "import-loaded-in-init")) {
                assertThat(stderr).as(run.all()).contains(stage + " " + way + ": refused: Error: Error reading "
                        + "module").containsPattern(java.util.regex.Pattern.quote(stage + " " + way) + ": refused: .*: "
                        + java.util.regex.Pattern.quote(IMPORT_REFUSED));
            }
            for (String way : List.of("require-file", "require-text", "require-k6-module")) {
                assertThat(stderr).as(run.all()).contains(stage + " " + way + ": refused: Error: the \"require\" "
                        + "function is only available in the init stage (i.e. the global scope)");
            }
            assertThat(stderr).as(run.all()).contains(stage + " open: refused: Error: the \"open\" function is "
                    + "only available in the init stage (i.e. the global scope)");
            assertThat(stderr).as(run.all()).contains(stage + " fs-open: refused: ForbiddenError: open() failed; "
                    + "reason: opening a file is allowed only in the Init context");
        }
        assertThat(run.all()).doesNotContain("LOADED").doesNotContain("TOP-SECRET");
    }
}
