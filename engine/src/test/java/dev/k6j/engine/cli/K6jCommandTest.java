package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command tree a start builds, and the cheap check of SIGINT's disposition that {@code main} makes. */
class K6jCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aBuiltInSubcommandGetsATreeOfItselfOnly() {
        CommandLine run = K6jCommand.commandLine("run", "script.js");
        assertThat(run.getSubcommands()).containsOnlyKeys("run");
        assertThat(run.getSubcommands().get("run").getCommandSpec().findOption("--vus")).isNotNull();
        assertThat(K6jCommand.commandLine("completion", "bash").getSubcommands()).containsOnlyKeys("completion");
    }

    @Test
    void anythingElseGetsTheWholeTree() {
        for (String[] args : new String[][] {{}, {"--help"}, {"rn"}}) {
            assertThat(K6jCommand.commandLine(args).getSubcommands()).as(String.join(" ", args))
                    .containsKeys("run", "inspect", "archive", "new", "version", "status", "pause", "resume", "scale",
                            "completion", "deps", "extension");
        }
    }

    @Test
    void k6jAloneListsEverySubcommand() {
        CliRun bare = CliRun.of();
        assertThat(bare.exitCode()).as(bare.all()).isZero();
        assertThat(bare.stdout()).contains("Usage: k6j").contains("run").contains("inspect").contains("extension");
    }

    @Test
    void aSubcommandsHelpReadsAsInTheWholeTree() {
        CliRun help = CliRun.of("run", "--help");
        assertThat(help.exitCode()).as(help.all()).isZero();
        assertThat(help.stdout()).contains("Usage: k6j run").contains("--vus");
        assertThat(K6jCommand.commandLine("run").getSubcommands().get("run").getUsageMessage())
                .isEqualTo(K6jCommand.commandLine().getSubcommands().get("run").getUsageMessage());
    }

    @Test
    void aMistypedSubcommandIsStillNamedAsUnknown() {
        CliRun typo = CliRun.of("rn", "script.js");
        assertThat(typo.exitCode()).as(typo.all()).isNotZero();
        assertThat(typo.stderr()).contains("unknown command \\\"rn\\\" for \\\"k6j\\\"");
    }

    @Test
    void sigintsDispositionIsReadFromProcStatus() throws IOException {
        Path ignored = Files.writeString(tmp.resolve("ignored"), "Name:\tjava\nSigBlk:\t0000000000000000\n"
                + "SigIgn:\t0000000000001006\nSigCgt:\t0000000000000000\n");
        Path handled = Files.writeString(tmp.resolve("handled"), "Name:\tjava\nSigIgn:\t0000000000001004\n");
        assertThat(SignalDisposition.ignoresInterrupt(ignored)).contains(true);
        assertThat(SignalDisposition.ignoresInterrupt(handled)).contains(false);
        assertThat(SignalDisposition.ignoresInterrupt(tmp.resolve("absent"))).isEqualTo(Optional.empty());
    }
}
