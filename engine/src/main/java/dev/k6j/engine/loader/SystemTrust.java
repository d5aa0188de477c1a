package dev.k6j.engine.loader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates k6 trusts, found as Go finds them on Linux: the first CA bundle file that exists (or the one
 * {@code SSL_CERT_FILE} names), plus every certificate in the CA folders (or those {@code SSL_CERT_DIR} lists,
 * colon-separated). A company CA installed on the machine, or named by those variables, is trusted as by k6 — the
 * JDK's own {@code cacerts} would not know it. Elsewhere (macOS, Windows: Go asks the OS) the JDK's trust store is
 * used, with {@code SSL_CERT_FILE} and {@code SSL_CERT_DIR} added.
 */
public final class SystemTrust {

    /** Go's {@code certFiles} for Linux, in its order. */
    static final List<String> CERT_FILES = List.of(
            "/etc/ssl/certs/ca-certificates.crt",
            "/etc/pki/tls/certs/ca-bundle.crt",
            "/etc/ssl/ca-bundle.pem",
            "/etc/pki/tls/cacert.pem",
            "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
            "/etc/ssl/cert.pem");

    /** Go's {@code certDirectories} for Linux. */
    static final List<String> CERT_DIRS = List.of("/etc/ssl/certs", "/etc/pki/tls/certs");

    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private SystemTrust() {
    }

    /** A TLS context that verifies servers against these certificates. */
    public static SSLContext sslContext(Map<String, String> environment) {
        try {
            List<X509Certificate> roots = roots(environment, isLinux());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (roots.isEmpty()) {
                trust.init((KeyStore) null);
            } else {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < roots.size(); i++) {
                    store.setCertificateEntry("root-" + i, roots.get(i));
                }
                trust.init(store);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up the TLS trust store: " + e.getMessage(), e);
        }
    }

    /**
     * The trusted certificates: on Linux, Go's search; elsewhere the JDK's trust store plus what the variables add.
     * Empty when nothing is found, and then {@link #sslContext} uses the JDK's trust store.
     */
    static List<X509Certificate> roots(Map<String, String> environment, boolean linux)
            throws GeneralSecurityException, IOException {
        List<X509Certificate> roots = new ArrayList<>();
        String certFile = environment.get("SSL_CERT_FILE");
        String certDir = environment.get("SSL_CERT_DIR");
        boolean fromVariables = (certFile != null && !certFile.isEmpty()) || (certDir != null && !certDir.isEmpty());
        if (!linux) {
            if (!fromVariables) {
                return roots;
            }
            roots.addAll(jdkDefaults());
        }
        List<String> files = certFile != null && !certFile.isEmpty() ? List.of(certFile) : linux ? CERT_FILES : List.of();
        for (String file : files) {
            Path path = Path.of(file);
            if (Files.isReadable(path) && Files.isRegularFile(path)) {
                roots.addAll(parsePem(Files.readString(path, StandardCharsets.ISO_8859_1)));
                break;
            }
        }
        List<String> dirs = certDir != null && !certDir.isEmpty() ? List.of(certDir.split(":"))
                : linux ? CERT_DIRS : List.of();
        for (String dir : dirs) {
            Path folder = Path.of(dir);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    if (Files.isRegularFile(entry) && Files.isReadable(entry) && !linksIntoSameFolder(entry)) {
                        roots.addAll(parsePem(Files.readString(entry, StandardCharsets.ISO_8859_1)));
                    }
                }
            }
        }
        return roots;
    }

    /** Every {@code CERTIFICATE} block of a PEM text; other blocks and broken certificates are skipped, as Go does. */
    static List<X509Certificate> parsePem(String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        Matcher block = PEM_CERTIFICATE.matcher(text);
        while (block.find()) {
            try {
                byte[] der = Base64.getMimeDecoder().decode(block.group(1));
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (IllegalArgumentException | CertificateException skipped) {
                // Go's AppendCertsFromPEM skips what it cannot parse
            }
        }
        return certificates;
    }

    /** Go reads a folder's entries once: a symlink to a file in the same folder (hash links) is not read again. */
    private static boolean linksIntoSameFolder(Path entry) {
        if (!Files.isSymbolicLink(entry)) {
            return false;
        }
        try {
            Path target = Files.readSymbolicLink(entry);
            return target.getParent() == null || entry.resolveSibling(target).getParent().normalize()
                    .equals(entry.getParent().normalize());
        } catch (IOException e) {
            return false;
        }
    }

    private static List<X509Certificate> jdkDefaults() throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init((KeyStore) null);
        List<X509Certificate> roots = new ArrayList<>();
        for (var manager : trust.getTrustManagers()) {
            if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                roots.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return roots;
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
