package dev.k6j.engine.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;

/**
 * Runs a module test script from {@code src/test/resources/scripts/modules} through the CLI and checks that every
 * expectation in it held: each is a k6 check, and a mismatch is logged as an error with both values.
 */
public final class ModuleScripts {

    private ModuleScripts() {
    }

    /** Runs {@code modules/<name>} with extra CLI arguments before the script; returns the run for more checks. */
    public static CliRun passes(String name, String... flags) {
        String[] args = new String[flags.length + 3];
        args[0] = "run";
        args[1] = "-q";
        System.arraycopy(flags, 0, args, 2, flags.length);
        args[args.length - 1] = "modules/" + name;
        CliRun run = CliRun.of(args);
        assertThat(run.stderr()).as(run.all()).doesNotContain("ERRO");
        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ").contains("✓ ");
        assertThat(run.exitCode()).as(run.all()).isZero();
        return run;
    }
}
