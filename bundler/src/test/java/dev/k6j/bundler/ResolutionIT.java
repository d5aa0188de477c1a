package dev.k6j.bundler;

import static dev.k6j.bundler.BundleBuildIT.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.bundler.BundlerFixture.Run;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependency resolution as Maven does it: transitive dependencies, conflicts across roots, checksums. */
class ResolutionIT {

    static final String POM = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.acme</groupId><artifactId>%s</artifactId><version>1.0</version>
              <dependencies>
                <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.16</version></dependency>
              </dependencies>
            </project>
            """;

    static BundlerFixture fixture;

    @BeforeAll
    static void fixture() {
        fixture = BundlerFixture.get();
    }

    @Test
    void aJarWithItsEmbeddedPomBringsItsDependenciesAndTheConflictWithTheEngineIsReported() throws IOException {
        Path jar = withEntries(fixture.counterJar, fixture.work.resolve("old-slf4j-ext.jar"), Map.of(
                "META-INF/maven/com.acme/old-slf4j-ext/pom.xml", POM.formatted("old-slf4j-ext"),
                "META-INF/maven/com.acme/old-slf4j-ext/pom.properties",
                "groupId=com.acme\nartifactId=old-slf4j-ext\nversion=1.0\n"));

        Run build = BundlerFixture.bundler(args("build", "--with", jar.toString(),
                "-o", fixture.work.resolve("conflict/k6j.jar").toString()));

        assertThat(build.exitCode()).as(build.all()).isZero();
        assertThat(build.stdout())
                .contains("with    com.acme:old-slf4j-ext:1.0  (--with " + jar + ")")
                .contains("conflict: org.slf4j:slf4j-api: 2.0.17 (k6j-engine:" + fixture.version
                        + " > slf4j-api:2.0.17) is used; 2.0.16 was wanted by old-slf4j-ext:1.0 > slf4j-api:2.0.16");
    }

    @Test
    void aDownloadWhoseChecksumDoesNotMatchFailsTheBuild() throws Exception {
        Path repo = fixture.work.resolve("damaged-repo");
        Path dir = Files.createDirectories(repo.resolve("com/acme/damaged-ext/1.0"));
        Files.copy(fixture.counterJar, dir.resolve("damaged-ext-1.0.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("damaged-ext-1.0.jar.sha1"), "0000000000000000000000000000000000000000");
        String pom = POM.formatted("damaged-ext");
        Files.writeString(dir.resolve("damaged-ext-1.0.pom"), pom);
        Files.writeString(dir.resolve("damaged-ext-1.0.pom.sha1"), sha1(pom.getBytes(StandardCharsets.UTF_8)));

        Run build = BundlerFixture.bundler(args("build", "--with", "com.acme:damaged-ext:1.0",
                "--repo", repo.toUri().toString(), "-o", fixture.work.resolve("damaged/k6j.jar").toString()));

        assertThat(build.exitCode()).as(build.all()).isEqualTo(1);
        assertThat(build.stderr()).startsWith("error: the download of com.acme:damaged-ext:1.0 failed its checksum check")
                .contains("damaged file");
    }

    private static String sha1(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    /** A copy of {@code jar} with more entries. */
    private static Path withEntries(Path jar, Path copy, Map<String, String> extra) throws IOException {
        try (JarFile in = new JarFile(jar.toFile());
                OutputStream file = Files.newOutputStream(copy);
                JarOutputStream out = new JarOutputStream(file, in.getManifest())) {
            for (JarEntry entry : in.stream().filter(e -> !e.getName().equals(JarFile.MANIFEST_NAME)).toList()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
            for (Map.Entry<String, String> entry : extra.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return copy;
    }
}
