package dev.k6j.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code k6j} in a JVM of its own, as a user starts it, for tests of what only a real process shows (signals, exit
 * codes). Its output is collected as it comes, so a test can wait for a line before it acts.
 */
final class K6jProcess implements AutoCloseable {

    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final List<Thread> drains = new ArrayList<>();

    private K6jProcess(Process process) {
        this.process = process;
        drains.add(drain(process.getInputStream(), stdout));
        drains.add(drain(process.getErrorStream(), stderr));
    }

    /**
     * Starts {@code k6j args…} in {@code directory}, directly (not through a shell, so it gets signals with their
     * default disposition) or, with {@code sigintIgnored}, as a non-interactive shell starts a background job: with
     * SIGINT ignored.
     */
    static K6jProcess start(Path directory, boolean sigintIgnored, String... args) throws IOException {
        return start(directory, sigintIgnored, List.of(), args);
    }

    /** {@link #start(Path, boolean, String...)} with more JVM options, such as {@code -Xmx128m}. */
    static K6jProcess start(Path directory, boolean sigintIgnored, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Dk6j.jsRuntime=interpreter"));
        java.addAll(jvmOptions);
        java.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        java.addAll(List.of(args));
        List<String> command = java;
        if (sigintIgnored) {
            command = new ArrayList<>(List.of("/bin/sh", "-c", "trap '' INT; exec \"$@\"", "sh"));
            command.addAll(java);
        }
        return new K6jProcess(new ProcessBuilder(command).directory(directory.toFile()).start());
    }

    /** Waits until stderr shows {@code text}; false if the process ended or the time ran out first. */
    boolean awaitStderr(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (stderr.indexOf(text) >= 0) {
                return true;
            }
            if (!process.isAlive()) {
                return stderr.indexOf(text) >= 0;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Sends {@code INT} or {@code TERM}. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    }

    /** Waits for the process to end; false if it still runs after {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return false;
        }
        for (Thread drain : drains) {
            drain.join(Duration.ofSeconds(10));
        }
        return true;
    }

    boolean alive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    String stdout() {
        return stdout.toString();
    }

    String stderr() {
        return stderr.toString();
    }

    /** Everything it printed, for failure messages. */
    String all() {
        return (process.isAlive() ? "running" : "exit " + process.exitValue()) + "\n--- stdout\n" + stdout
                + "\n--- stderr\n" + stderr;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static Thread drain(InputStream stream, StringBuffer into) {
        return Thread.ofPlatform().daemon().start(() -> {
            char[] buffer = new char[8192];
            try (java.io.Reader reader = new java.io.InputStreamReader(stream, StandardCharsets.UTF_8)) {
                for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                    into.append(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
