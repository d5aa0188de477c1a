package dev.k6j.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Indexed Job of {@code deploy/kubernetes/indexed-job.yaml} gives each pod the k6-operator's runner command for
 * its completion index: its {@code sh -c} program runs here for every index, with a {@code k6} on the PATH that
 * prints the arguments it gets.
 */
class IndexedJobManifestTest {

    static final Path MANIFEST = Path.of(System.getProperty("basedir", "."), "..", "kubernetes", "indexed-job.yaml");

    @TempDir
    Path bin;

    @Test
    void everyIndexRunsTheOperatorsRunnerCommandForItsSegment() throws Exception {
        String manifest = Files.readString(MANIFEST, StandardCharsets.UTF_8);
        int runners = Integer.parseInt(single(manifest, "\\n  completions: (\\d+)\\n"));
        assertThat(single(manifest, "\\n  parallelism: (\\d+)\\n")).isEqualTo(String.valueOf(runners));
        assertThat(single(manifest, "- name: RUNNERS\\n\\s+value: \"(\\d+)\"")).isEqualTo(String.valueOf(runners));
        String program = shellProgram(manifest);

        Path k6 = bin.resolve("k6");
        Files.writeString(k6, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(k6, PosixFilePermissions.fromString("rwxr-xr-x"));

        for (int index = 0; index < runners; index++) {
            List<String> command = new ArrayList<>(List.of("k6"));
            command.addAll(run(program, index, runners));
            List<String> operators = new ArrayList<>(K6Operator.runnerCommand(index + 1, runners,
                    List.of("--out", "experimental-prometheus-rw", "--tag", "testid=k6j-indexed"), "/test/test.js",
                    "k6j-indexed", K6Operator.RUNNER_ADDRESS));
            // No operator, no starter: the Job's runners neither listen on all interfaces nor wait paused.
            operators.removeAll(List.of("--address=" + K6Operator.RUNNER_ADDRESS, "--paused"));
            assertThat(command).as("the command of completion index %d", index).isEqualTo(operators);
        }
    }

    private List<String> run(String program, int index, int runners) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", program).redirectErrorStream(true);
        builder.environment().put("JOB_COMPLETION_INDEX", String.valueOf(index));
        builder.environment().put("RUNNERS", String.valueOf(runners));
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("the program's exit code; its output:\n%s", output).isZero();
        return output.lines().toList();
    }

    /** The block scalar after {@code - -c} in the container's {@code command}, without its indentation. */
    private static String shellProgram(String manifest) {
        List<String> lines = manifest.lines().toList();
        int start = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("- |") && lines.get(i - 1).strip().equals("- -c")) {
                start = i + 1;
                break;
            }
        }
        assertThat(start).as("a `- -c` followed by a `- |` block in %s", MANIFEST).isPositive();
        int indent = indentOf(lines.get(start));
        StringBuilder program = new StringBuilder();
        for (int i = start; i < lines.size() && (lines.get(i).isBlank() || indentOf(lines.get(i)) >= indent); i++) {
            program.append(lines.get(i).isBlank() ? "" : lines.get(i).substring(indent)).append('\n');
        }
        return program.toString();
    }

    private static int indentOf(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static String single(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, MANIFEST).isTrue();
        return matcher.group(1);
    }
}
