package dev.k6j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final ScriptOutcome PASSED = new ScriptOutcome("src/test/k6/a.js", 0, null, "target/k6j/a");
    private static final ScriptOutcome CROSSED = new ScriptOutcome("src/test/k6/b.js", 99,
            "k6j: src/test/k6/b.js crossed 1 threshold (exit code 99):\n  checks: rate==1, observed rate=0.5",
            "target/k6j/b");
    private static final ScriptOutcome BROKEN = new ScriptOutcome("src/test/k6/c.js", 107,
            "k6j: src/test/k6/c.js failed (exit code 107, script exception): boom at c.js:3:1", "target/k6j/c");

    @Test
    void everyFailedScriptFailsTheBuildWithItsOwnMessage() {
        Verdict verdict = Verdict.of(List.of(PASSED, CROSSED, BROKEN), true);

        assertThat(verdict.failing()).containsExactly(CROSSED, BROKEN);
        assertThat(verdict.failure()).hasValue("2 of 3 k6 scripts failed:\n" + CROSSED.message() + "\n"
                + BROKEN.message());
    }

    @Test
    void withFailOnThresholdsOffOnlyScriptErrorsFailTheBuild() {
        Verdict verdict = Verdict.of(List.of(PASSED, CROSSED, BROKEN), false);

        assertThat(verdict.failing()).containsExactly(BROKEN);
        assertThat(verdict.tolerated()).containsExactly(CROSSED);
        assertThat(Verdict.of(List.of(PASSED, CROSSED), false).failure()).isEmpty();
    }

    @Test
    void passingScriptsGiveNoFailure() {
        assertThat(Verdict.of(List.of(PASSED), true).failure()).isEmpty();
        assertThat(Verdict.of(List.of(), true).failure()).isEmpty();
    }
}
