package dev.k6j.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mvn} in a project folder, as a developer runs it: a new process on this JDK, with the staged repository
 * and settings of {@link ItRepository}; its output goes to {@code build.log} in the folder.
 *
 * @param exitCode Maven's exit code
 * @param log      everything it printed
 */
record ForkedMaven(int exitCode, String log) {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    static ForkedMaven run(Path project, ItRepository repository, String... args) throws IOException,
            InterruptedException {
        String mavenHome = System.getProperty("k6j.it.mavenHome");
        String mvn = mavenHome != null && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))
                ? Path.of(mavenHome, "bin", "mvn").toString() : "mvn";
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-ntp", "-s", repository.settings().toString(),
                "-Dmaven.repo.local=" + repository.repository()));
        command.addAll(List.of(args));
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("mvn " + String.join(" ", args) + " in " + project + " took over "
                    + TIMEOUT.toMinutes() + " minutes; see " + log);
        }
        return new ForkedMaven(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
