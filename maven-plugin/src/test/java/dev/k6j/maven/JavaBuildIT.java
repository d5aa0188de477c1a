package dev.k6j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds {@code examples/java-build} with a forked {@code mvn}, against the k6j artifacts of this build: the passing
 * build (JUnit tests and the plugin), a build whose service fails requests (thresholds fail it, with each crossed
 * threshold and its value), and one with a broken script (the script error fails it, with its file and line).
 * Each build works in a copy under {@code target/it/}, with its {@code build.log}.
 */
class JavaBuildIT {

    /** Maven's unit tests of the example are skipped where they are not the point: they take a JVM and a minute. */
    private static final String[] NO_UNIT_TESTS = {"-Dtest=none", "-Dsurefire.failIfNoSpecifiedTests=false"};

    private static ItRepository repository;

    @BeforeAll
    static void stage() throws IOException {
        repository = ItRepository.prepare(Path.of("target/it-repo").toAbsolutePath());
    }

    @Test
    void theExampleBuildsRunningItsK6TestWithJUnitAndWithThePlugin() throws Exception {
        Path project = copyOfExample("passing");

        ForkedMaven build = ForkedMaven.run(project, repository, "verify");

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log())
                .contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0")
                .contains("k6j: running src/test/k6/smoke.js")
                .contains("✓ status is 200")
                .contains("k6j: src/test/k6/smoke.js passed")
                .contains("k6j: 1 k6 script passed")
                .contains("BUILD SUCCESS");
        Path reports = project.resolve("target/k6j");
        assertThat(reports.resolve("smoke/summary.txt")).content(StandardCharsets.UTF_8).contains("http_reqs");
        assertThat(reports.resolve("smoke/summary.json")).content(StandardCharsets.UTF_8)
                .contains("\"http_req_duration\"");
        assertThat(reports.resolve(ResultsFile.NAME)).content(StandardCharsets.UTF_8).contains("\"exitCode\" : 0");
        assertThat(reports.resolve("smoke/report.html")).content(StandardCharsets.UTF_8)
                .as("the web dashboard's self-contained report").containsIgnoringCase("<!doctype html>").contains("uPlot");
    }

    @Test
    void crossedThresholdsFailTheBuildNamingEachWithItsObservedValue() throws Exception {
        Path project = copyOfExample("thresholds");

        ForkedMaven build = ForkedMaven.run(project, repository, with(NO_UNIT_TESTS, "verify", "-Dhello.failEvery=5"));

        assertThat(build.exitCode()).as(build.log()).isNotZero();
        assertThat(build.log())
                .contains("1 of 1 k6 script failed:\n"
                        + "[ERROR] k6j: src/test/k6/smoke.js crossed 2 thresholds (exit code 99):\n"
                        + "[ERROR]   http_req_failed: rate<0.01, observed rate=0.2\n"
                        + "[ERROR]   checks: rate==1, observed rate=0.8")
                .contains("BUILD FAILURE");
        assertThat(project.resolve("target/k6j/smoke/summary.txt")).exists();
    }

    @Test
    void aScriptErrorFailsTheBuildWithTheScriptsFileAndLine() throws Exception {
        Path project = copyOfExample("script-error");
        Files.writeString(project.resolve("src/test/k6/broken.js"), """
                import http from 'k6/http';

                const settings = JSON.parse('{"retries": 3}');
                const target = settings.endpoint.url;

                export default function () {
                  http.get(target);
                }
                """);

        ForkedMaven build = ForkedMaven.run(project, repository,
                with(NO_UNIT_TESTS, "verify", "-Dk6j.includes=broken.js"));

        assertThat(build.exitCode()).as(build.log()).isNotZero();
        assertThat(build.log())
                .contains("1 of 1 k6 script failed:\n[ERROR] k6j: src/test/k6/broken.js failed (exit code 107, "
                        + "script exception): script error in init code: TypeError: Cannot read property 'url' of "
                        + "undefined")
                .contains("broken.js:4")
                .contains("BUILD FAILURE");
    }

    /** A fresh copy of examples/java-build under target/it/{name}, without its build output. */
    private static Path copyOfExample(String name) throws IOException {
        Path source = repository.root().resolve("examples/java-build");
        Path copy = Path.of("target/it", name).toAbsolutePath();
        if (Files.exists(copy)) {
            try (Stream<Path> old = Files.walk(copy)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(p -> !source.relativize(p).startsWith("target")).toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private static String[] with(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }
}
