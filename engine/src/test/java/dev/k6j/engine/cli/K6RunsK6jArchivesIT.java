package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.testbed.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real k6 runs the archives k6j makes (the other direction is {@link ArchiveCompatibilityTest}): a script with a
 * local module, a data file, a remote module from the testbed and an {@code -e} variable, and a TypeScript one.
 * Needs a k6 binary named by {@code K6_BIN} (e.g. {@code K6_BIN=~/.cache/k6-baseline/k6}); skipped without it.
 */
class K6RunsK6jArchivesIT {

    private static final Path PROJECT = Path.of("src/test/resources/archives/project").toAbsolutePath();

    @TempDir
    Path tmp;

    private static String k6() {
        String bin = System.getenv("K6_BIN");
        if (bin == null || bin.isBlank() || !Files.isExecutable(Path.of(bin))) {
            System.out.println("K6RunsK6jArchivesIT: SKIPPED, K6_BIN does not name a k6 binary, so k6 did not run "
                    + "k6j's archives (set K6_BIN=~/.cache/k6-baseline/k6 to run it)");
            Assumptions.abort("K6_BIN does not name a k6 binary");
        }
        return bin;
    }

    @Test
    void k6RunsK6jsArchiveOfAScriptWithLocalAndRemoteModulesDataAndEnvironment() throws Exception {
        String k6 = k6();
        Testbed testbed = Testbed.start(new Testbed.Ports("127.0.0.1", -1, 0, -1));
        try {
            Path ca = Files.writeString(tmp.resolve("ca.pem"), testbed.certificates().caPem());
            Path project = Files.createDirectories(tmp.resolve("project"));
            Files.createDirectories(project.resolve("lib"));
            Files.createDirectories(project.resolve("data"));
            Files.copy(PROJECT.resolve("lib/math.js"), project.resolve("lib/math.js"));
            Files.copy(PROJECT.resolve("data/users.json"), project.resolve("data/users.json"));
            Files.writeString(project.resolve("test.js"), Files.readString(PROJECT.resolve("test.js"))
                    .replaceAll("https://127\\.0\\.0\\.1:\\d+", testbed.httpsUrl()));
            CliRun archive = CliProcess.k6j(project, Map.of("SSL_CERT_FILE", ca.toString(),
                    "K6J_REMOTE_MODULE_CACHE", "off"), "archive", "-e", "GREETING=hello", "-O", "k6j.tar", "test.js");
            assertThat(archive.exitCode()).as(archive.all()).isZero();
            testbed.close();
            // k6 needs nothing but the archive: the server is gone, the files too
            Files.delete(project.resolve("data/users.json"));
            CliRun run = CliProcess.run(tmp, Map.of(), List.of(k6, "run", "-q", "--address=",
                    project.resolve("k6j.tar").toString()));
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.stdout()).contains("✓ a local module").contains("✓ a data file")
                    .contains("✓ a remote module").contains("✓ the archived environment");
        } finally {
            testbed.close();
        }
    }

    @Test
    void k6RunsK6jsArchiveOfATypeScriptScript() throws Exception {
        String k6 = k6();
        Path project = Files.createDirectories(tmp.resolve("ts"));
        Files.createDirectories(project.resolve("lib"));
        Files.copy(PROJECT.resolve("test.ts"), project.resolve("test.ts"));
        Files.copy(PROJECT.resolve("lib/shapes.ts"), project.resolve("lib/shapes.ts"));
        CliRun archive = CliProcess.k6j(project, Map.of(), "archive", "-O", "k6j.tar", "test.ts");
        assertThat(archive.exitCode()).as(archive.all()).isZero();
        CliRun run = CliProcess.run(tmp, Map.of(), List.of(k6, "run", "-q", "--address=",
                project.resolve("k6j.tar").toString()));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("✓ area from a .ts module");
    }
}
