package dev.k6j.engine.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.testbed.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trusted certificates are found as Go finds them: SSL_CERT_FILE replaces the bundle, SSL_CERT_DIR the folders. */
class SystemTrustTest {

    private static final TestCertificates ONE = TestCertificates.generate();
    private static final TestCertificates TWO = TestCertificates.generate();

    @TempDir
    Path tmp;

    @Test
    void sslCertFileAndSslCertDirAreTheOnlySourcesWhenBothAreSet() throws Exception {
        Path file = tmp.resolve("bundle.pem");
        Files.writeString(file, "junk before\n" + ONE.caPem() + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Path dir = Files.createDirectory(tmp.resolve("certs"));
        Files.writeString(dir.resolve("company.crt"), TWO.caPem());
        List<X509Certificate> roots = SystemTrust.roots(Map.of("SSL_CERT_FILE", file.toString(),
                "SSL_CERT_DIR", dir.toString()), true);
        assertThat(roots).containsExactlyInAnyOrder(ONE.ca(), TWO.ca());
    }

    @Test
    void withoutTheVariablesTheSystemBundleIsRead() throws Exception {
        List<X509Certificate> roots = SystemTrust.roots(Map.of(), true);
        boolean systemHasABundle = SystemTrust.CERT_FILES.stream().anyMatch(f -> Files.isRegularFile(Path.of(f)));
        assertThat(roots.isEmpty()).isEqualTo(!systemHasABundle && SystemTrust.CERT_DIRS.stream()
                .noneMatch(d -> Files.isDirectory(Path.of(d))));
        assertThat(roots).doesNotContain(ONE.ca());
    }

    @Test
    void aMissingSslCertFileFallsThroughToTheFolders() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("only"));
        Files.writeString(dir.resolve("a.pem"), ONE.caPem());
        assertThat(SystemTrust.roots(Map.of("SSL_CERT_FILE", tmp.resolve("missing.pem").toString(),
                "SSL_CERT_DIR", dir.toString()), true)).containsExactly(ONE.ca());
    }
}
