package dev.k6j.bundler;

import static dev.k6j.bundler.BundleBuildIT.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.k6j.bundler.BundlerFixture.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundler refuses what it must not bundle — a jar of the local repository changed since Maven checked it, a jar
 * that is not one — with one line naming the artifact and nothing half-written left behind; it bundles exactly
 * what a script needs ({@code --from-script}); and the extension author's path holds: Maven on an older JDK says
 * "JDK 25 needed", and the Maven that {@code --with ./project} starts runs on the bundler's own JDK.
 */
class IntegrityAndScriptsIT {

    static BundlerFixture fixture;

    @BeforeAll
    static void fixture() {
        fixture = BundlerFixture.get();
    }

    /** Puts a copy of the template jar into the test repository as {@code com.example:<artifact>:1.0.0}. */
    private static Path install(String artifactId, byte[] jar, boolean withSha1) throws Exception {
        Path dir = Files.createDirectories(fixture.repository.resolve("com/example/" + artifactId + "/1.0.0"));
        Path file = dir.resolve(artifactId + "-1.0.0.jar");
        Files.write(file, jar);
        Files.writeString(dir.resolve(artifactId + "-1.0.0.pom"), Files.readString(fixture.template.resolve("pom.xml"))
                .replace("<artifactId>k6j-greeting</artifactId>", "<artifactId>" + artifactId + "</artifactId>"));
        if (withSha1) {
            Files.writeString(dir.resolve(artifactId + "-1.0.0.jar.sha1"), sha1(jar));
        }
        return file;
    }

    @Test
    void aJarChangedInTheLocalRepositoryAfterDownloadIsRefused() throws Exception {
        Path jar = install("k6j-tampered", Files.readAllBytes(fixture.templateJar), true);
        Files.write(jar, "a class added by hand".getBytes(), StandardOpenOption.APPEND);
        Path out = Files.createDirectories(fixture.work.resolve("tampered"));

        Run build = BundlerFixture.bundler(args("build", "--with", "com.example:k6j-tampered:1.0.0", "--offline",
                "--layout", "folder", "-o", out.resolve("k6j.jar").toString()));

        assertThat(build.exitCode()).as(build.all()).isEqualTo(1);
        assertThat(build.stderr().strip()).startsWith("error: com.example:k6j-tampered:1.0.0 (" + jar + ") no longer"
                + " matches its checksum in the local repository: its SHA-1 is").contains("k6j-tampered-1.0.0.jar.sha1 says")
                .contains("delete " + jar.getParent()).doesNotContain("\n");
        assertNothingWritten(out);
    }

    @Test
    void aCorruptJarIsOneLineNamingTheArtifactAndLeavesNoPartialOutput() throws Exception {
        byte[] whole = Files.readAllBytes(fixture.templateJar);
        Path jar = install("k6j-corrupt", java.util.Arrays.copyOf(whole, whole.length / 2), false);
        Path out = Files.createDirectories(fixture.work.resolve("corrupt"));

        Run build = BundlerFixture.bundler(args("build", "--with", "com.example:k6j-corrupt:1.0.0", "--offline",
                "--layout", "folder", "-o", out.resolve("k6j.jar").toString()));

        assertThat(build.exitCode()).as(build.all()).isEqualTo(1);
        assertThat(build.stderr().strip()).startsWith("error: com.example:k6j-corrupt:1.0.0 (" + jar + ") is not a"
                + " readable jar (").doesNotContain("\n");
        assertNothingWritten(out);
    }

    private static void assertNothingWritten(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).isEmpty(); // no k6j.jar.part, no lib/, no launcher
        }
    }

    @Test
    void fromScriptBundlesExactlyTheExtensionsTheScriptImportsAtTheVersionItsDirectiveAllows() throws Exception {
        Path dir = Files.createDirectories(fixture.work.resolve("from-script"));
        Path script = Files.writeString(dir.resolve("script.js"), "\"use k6 with k6/x/greeting ^1.0\";\n"
                + "import './lib.js';\nexport default function () {}\n");
        Files.writeString(dir.resolve("lib.js"), "import { greet } from 'k6/x/greeting';\nexport const g = greet;\n");

        Run build = BundlerFixture.bundler(args("build", "--from-script", script.toString(), "--offline",
                "-o", dir.resolve("k6j.jar").toString()));

        assertThat(build.exitCode()).as(build.all()).isZero();
        assertThat(build.stdout())
                .contains("from script: k6/x/greeting ^1.0 -> com.example:k6j-greeting:1.0.0 (built-in catalog)")
                .contains("with    com.example:k6j-greeting:1.0.0  (--with com.example:k6j-greeting:1.0.0)");
        Run version = BundlerFixture.process(dir, BundlerFixture.interpreter(), dir.resolve("k6j.jar").toString(),
                "version");
        assertThat(version.stdout()).contains("  k6/x/greeting 1.0.0, js [bundle com.example:k6j-greeting:1.0.0]");
    }

    @Test
    void mavenOnAnOlderJdkSaysJdk25IsNeeded() throws Exception {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        assumeThat(jdk17.resolve("bin/java")).as("a JDK 17 to try").isExecutable();
        Path project = BundlerFixture.copyTree(fixture.template, fixture.work.resolve("template-jdk17"));

        Run maven = BundlerFixture.process(project, Map.of("JAVA_HOME", jdk17.toString(), "MAVEN_OPTS", ""), "mvn",
                "-B", "-q",
                "-s", fixture.settings.toString(), "-Dmaven.repo.local=" + fixture.repository, "validate");

        assertThat(maven.exitCode()).as(maven.all()).isNotZero();
        assertThat(maven.stdout() + maven.stderr()).contains("JDK 25 needed: this k6j extension compiles for Java 25")
                .contains("Maven runs on Java 17");
    }

    @Test
    void theMavenTheBundlerStartsRunsOnTheBundlersJdkWhateverJavaHomeSays() throws Exception {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        assumeThat(jdk17.resolve("bin/java")).as("a JDK 17 to set as JAVA_HOME").isExecutable();
        Path project = BundlerFixture.copyTree(fixture.template, fixture.work.resolve("template-project"));
        Path out = fixture.work.resolve("project-bundle/k6j.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Run build = BundlerFixture.process(fixture.work, Map.of("JAVA_HOME", jdk17.toString()), java,
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
                "dev.k6j.bundler.Main", "build", "-q", "--with", project.toString(), "-o", out.toString(),
                "--settings", fixture.settings.toString(), "--local-repo", fixture.repository.toString(),
                "--checkout", fixture.checkout.toString());

        assertThat(build.exitCode()).as(build.all()).isZero();
        assertThat(project.resolve("target/k6j-greeting-1.0.0.jar")).isRegularFile();
        assertThat(out).isRegularFile();
    }

    private static String sha1(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
