package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k6j runs and inspects archives made by real k6 v1.3.0 (src/test/resources/archives, see its README), and the
 * archives k6j makes have k6's layout. That k6 runs k6j's archives is {@link K6RunsK6jArchivesIT}.
 */
class ArchiveCompatibilityTest {

    private static final Path ARCHIVES = Path.of("src/test/resources/archives").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void runsK6sArchiveWithItsModulesDataRemoteModuleAndEnvironmentFromTheArchiveAlone() {
        CliRun run = CliRun.of("run", "-q", "-a", "", ARCHIVES.resolve("k6-v1.3.0-js.tar").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("✓ a local module").contains("✓ a data file").contains("✓ a remote module")
                .contains("✓ the archived environment").containsPattern("checks\\.+: 100\\.00%");
    }

    @Test
    void runsK6sTypeScriptArchive() {
        CliRun run = CliRun.of("run", "-q", "-a", "", ARCHIVES.resolve("k6-v1.3.0-ts.tar").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("✓ area from a .ts module");
    }

    @Test
    void anArchiveIsToldByItsContentNotItsName() throws Exception {
        Path renamed = Files.copy(ARCHIVES.resolve("k6-v1.3.0-ts.tar"), tmp.resolve("test.js"));
        CliRun run = CliRun.of("run", "-q", "-a", "", renamed.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        CliRun forcedJs = CliRun.of("run", "-q", "-a", "", "--type", "js", renamed.toString());
        assertThat(forcedJs.exitCode()).as("a tar read as JavaScript").isEqualTo(107);
    }

    @Test
    void executionRequirementsAreK6sJsonAloneOnStdout() throws Exception {
        CliRun run = CliRun.of("inspect", "--execution-requirements",
                ARCHIVES.resolve("k6-v1.3.0-js.tar").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.stdout());
        assertThat(json.get("totalDuration").asText()).as("k6 says 10m30s for this archive").isEqualTo("10m30s");
        assertThat(json.get("maxVUs").asLong()).isEqualTo(1);
        assertThat(json.at("/thresholds/checks/0").asText()).isEqualTo("rate==1");
        assertThat(json.at("/scenarios/default/executor").asText()).isEqualTo("shared-iterations");
        assertThat(json.get("summaryTrendStats")).hasSize(6);
    }

    @Test
    void k6jArchivesHaveK6sLayoutAndRunAgain() throws Exception {
        Path project = copyProject();
        Path tar = tmp.resolve("out.tar");
        CliRun archive = CliRun.of("archive", "-e", "GREETING=hello", "-u", "2", "-O", tar.toString(),
                project.resolve("local.js").toString());
        assertThat(archive.exitCode()).as(archive.all()).isZero();
        List<String> names = entryNames(Files.readAllBytes(tar));
        String script = "file" + project.resolve("local.js").toString().replaceFirst("^/home/[^/]+", "/home/nobody");
        assertThat(names.subList(0, 2)).containsExactly("metadata.json", "data");
        assertThat(names).contains("file", script, script.replace("local.js", "lib/math.js"),
                script.replace("local.js", "data/users.json"));
        JsonNode metadata = new ObjectMapper().readTree(tarEntry(Files.readAllBytes(tar), "metadata.json"));
        assertThat(metadata.get("type").asText()).isEqualTo("js");
        assertThat(metadata.at("/options/vus").asInt()).as("flags folded in").isEqualTo(2);
        assertThat(metadata.at("/env/GREETING").asText()).isEqualTo("hello");
        assertThat(metadata.get("filename").asText()).startsWith("file:///").endsWith("/local.js");
        assertThat(metadata.get("compatibilityMode").asText()).isEqualTo("extended");

        Files.delete(project.resolve("data/users.json"));
        CliRun run = CliRun.of("run", "-q", "-a", "", tar.toString());
        assertThat(run.exitCode()).as("the archive needs no files but itself: " + run.all()).isZero();
        assertThat(run.stdout()).contains("✓ a data file").contains("✓ the archived environment");
    }

    @Test
    void excludeEnvVarsKeepsNoEnvironment() throws Exception {
        Path project = copyProject();
        Path tar = tmp.resolve("noenv.tar");
        CliRun archive = CliRun.of("archive", "-e", "GREETING=hello", "--exclude-env-vars", "-O", tar.toString(),
                project.resolve("local.js").toString());
        assertThat(archive.exitCode()).as(archive.all()).isZero();
        JsonNode metadata = new ObjectMapper().readTree(tarEntry(Files.readAllBytes(tar), "metadata.json"));
        assertThat(metadata.get("env").isNull()).isTrue();
    }

    /** The fixture project without its remote import (that one is {@link K6RunsK6jArchivesIT}'s). */
    private Path copyProject() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve("lib"));
        Files.createDirectories(project.resolve("data"));
        Files.copy(ARCHIVES.resolve("project/lib/math.js"), project.resolve("lib/math.js"));
        Files.copy(ARCHIVES.resolve("project/data/users.json"), project.resolve("data/users.json"));
        String test = Files.readString(ARCHIVES.resolve("project/test.js"))
                .replaceAll("import \\{ randomString } from 'https://[^']+';\n", "const randomString = (n) => 'x'.repeat(n);\n");
        Files.writeString(project.resolve("local.js"), test);
        return project;
    }

    static List<String> entryNames(byte[] tar) throws Exception {
        List<String> names = new ArrayList<>();
        int offset = 0;
        while (offset + 512 <= tar.length && tar[offset] != 0) {
            String name = new String(tar, offset, 100, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\0.*", "");
            long size = Long.parseLong(new String(tar, offset + 124, 11, java.nio.charset.StandardCharsets.US_ASCII)
                    .trim(), 8);
            names.add(name);
            offset += 512 + (int) ((size + 511) / 512 * 512);
        }
        return names;
    }

    static byte[] tarEntry(byte[] tar, String wanted) {
        int offset = 0;
        while (offset + 512 <= tar.length && tar[offset] != 0) {
            String name = new String(tar, offset, 100, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\0.*", "");
            int size = Integer.parseInt(new String(tar, offset + 124, 11, java.nio.charset.StandardCharsets.US_ASCII)
                    .trim(), 8);
            if (name.equals(wanted)) {
                return java.util.Arrays.copyOfRange(tar, offset + 512, offset + 512 + size);
            }
            offset += 512 + (size + 511) / 512 * 512;
        }
        throw new AssertionError("no entry " + wanted);
    }
}
