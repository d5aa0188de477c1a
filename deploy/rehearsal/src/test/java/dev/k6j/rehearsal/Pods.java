package dev.k6j.rehearsal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The rehearsal's stand-in for Kubernetes pods: each pod is a process in a folder of its own (its working
 * directory), with {@code k6} on its {@code PATH} as the k6j image has it, and the container's environment. Its log
 * is stdout and stderr together, as {@code kubectl logs} (and the operator, reading the initializer) sees them.
 *
 * <p>Not thread-safe; the test's thread uses it.
 */
final class Pods {

    private final Path root;
    private final Path bin;
    private final Map<String, String> containerEnv;

    /**
     * @param launcher     the k6j launcher to run under the names {@code k6} and {@code k6j}
     * @param containerEnv the environment variables every container gets (the TestRun's {@code env})
     */
    Pods(Path root, Path launcher, Map<String, String> containerEnv) throws IOException {
        this.root = root;
        this.bin = Files.createDirectories(root.resolve("bin"));
        this.containerEnv = containerEnv;
        Files.createSymbolicLink(bin.resolve("k6"), launcher.toAbsolutePath());
        Files.createSymbolicLink(bin.resolve("k6j"), launcher.toAbsolutePath());
    }

    /** The folder of pod {@code name}, made on first use. */
    Path dir(String name) throws IOException {
        return Files.createDirectories(root.resolve("pods").resolve(name));
    }

    /** Starts pod {@code name}'s container with {@code command} (the container's {@code command}, no shell). */
    Process start(String name, List<String> command) throws IOException {
        return start(name, command, true);
    }

    /** Starts it with {@code k6} on the {@code PATH} or, when {@code withK6} is false, without (an image lacking it). */
    Process start(String name, List<String> command, boolean withK6) throws IOException {
        Path dir = dir(name);
        String path = (withK6 ? bin + ":" : "") + "/usr/local/bin:/usr/bin:/bin";
        List<String> argv = new ArrayList<>(command);
        argv.set(0, executable(command.get(0), path));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log(name).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(containerEnv);
        // The launcher finds the JDK that runs this test, as the image's finds /opt/java.
        env.put("K6J_JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", path);
        return builder.start();
    }

    /**
     * The file a container's {@code command} runs: a bare name is looked up in the container's {@code PATH}, as the
     * container runtime does ({@link ProcessBuilder} would look in this JVM's).
     */
    private static String executable(String name, String path) {
        if (name.contains("/")) {
            return name;
        }
        for (String folder : path.split(":")) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return name;
    }

    /** Runs pod {@code name} to its end (at most {@code timeout}) and returns its exit code and log. */
    Finished run(String name, List<String> command, Duration timeout) throws IOException, InterruptedException {
        return run(name, command, timeout, true);
    }

    Finished run(String name, List<String> command, Duration timeout, boolean withK6)
            throws IOException, InterruptedException {
        Process process = start(name, command, withK6);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("pod " + name + " did not end within " + timeout + "; its log:\n" + log(name));
        }
        return new Finished(process.exitValue(), logText(name));
    }

    /** Pod {@code name}'s log file. */
    Path log(String name) throws IOException {
        return dir(name).resolveSibling(name + ".log");
    }

    String logText(String name) throws IOException {
        Path log = log(name);
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** A pod that ended: its exit code and its log. */
    record Finished(int exitCode, String log) {
    }
}
