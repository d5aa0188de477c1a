package dev.k6j.bundler.resolve;

import dev.k6j.resolver.maven.ResolverOptions;
import dev.k6j.bundler.BundlerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code mvn} in a project folder, with the bundler's own repository settings, its output kept in a log file
 * whose end is shown when the build fails.
 */
public final class MavenRunner {

    private final ResolverOptions options;

    public MavenRunner(ResolverOptions options) {
        this.options = options;
    }

    /** Runs {@code mvn -q -B <settings> <goals…>} in {@code dir}; a failure is a {@link BundlerException}. */
    public void run(Path dir, List<String> goals) {
        List<String> command = new ArrayList<>();
        command.add(mavenExecutable());
        command.add("-q");
        command.add("-B");
        command.addAll(options.mavenArguments());
        command.addAll(goals);
        Path log;
        try {
            log = Files.createTempFile("k6j-bundler-mvn-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // Maven on the JDK the bundler runs on (the JDK 25 that bin/bundler found), not whatever JAVA_HOME says.
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            process.getOutputStream().close(); // Maven must not wait for input
            int exit = process.waitFor();
            if (exit != 0) {
                List<String> lines = Files.readAllLines(log);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
                throw new BundlerException("'" + String.join(" ", command) + "' failed in " + dir + " (exit " + exit
                        + "); the end of its output (all of it in " + log + "):\n" + tail);
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new BundlerException("could not run Maven (" + command.getFirst() + ") in " + dir + ": "
                    + e.getMessage() + "; install Maven, or give the extension's built jar instead of its project", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundlerException("interrupted while building " + dir, e);
        }
    }

    /** {@code $MAVEN_HOME/bin/mvn} when set, else {@code mvn} from the PATH. */
    private static String mavenExecutable() {
        String home = System.getenv("MAVEN_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }
}
