package dev.k6j.engine.vu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a VU is made of, now that it is made cheaply (docs/performance.md, "VU footprint"): the built-ins k6 lacks
 * are left out, the web globals and {@code __ENV} are built when first used, and VU 0 is made only when needed.
 */
class VuFootprintTest {

    @TempDir
    Path tmp;

    @Test
    void aVuSeesTheGlobalsK6HasAndTheLazyOnesWorkAndCanBeReplaced() {
        CliRun run = CliRun.of("run", "-q", "-e", "MY_VAR=from-cli", "globals-as-k6.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ").contains("✓ TextEncoder works");
        assertThat(run.stderr()).contains("replaced replaced 42 yes");
    }

    @Test
    void vuZeroIsMadeAgainOnlyForTheLifecycleFunctions() throws IOException {
        CliRun plain = CliRun.of("run", "-q", "--no-summary", "init-per-vu.js");
        assertThat(plain.exitCode()).as(plain.all()).isZero();
        assertThat(count(plain.stderr(), "init 0")).as("the options VU only").isEqualTo(1);
        assertThat(count(plain.stderr(), "init 1") + count(plain.stderr(), "init 2")).isEqualTo(2);

        Path withSetup = tmp.resolve("with-setup.js");
        Files.writeString(withSetup, Files.readString(CliRun.scripts().resolve("init-per-vu.js"))
                + "export function setup() { return { ok: true }; }\n");
        CliRun run = CliRun.of("run", "-q", "--no-summary", withSetup.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(count(run.stderr(), "init 0")).as("the options VU and the fresh VU 0 of setup()").isEqualTo(2);

        CliRun noSetup = CliRun.of("run", "-q", "--no-summary", "--no-setup", withSetup.toString());
        assertThat(noSetup.exitCode()).as(noSetup.all()).isZero();
        assertThat(count(noSetup.stderr(), "init 0")).as("setup() disabled: the options VU only").isEqualTo(1);
    }

    private static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what) + "\\b").matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
