package dev.k6j.output.prometheus;

import dev.k6j.spi.PemKeys;
import dev.k6j.spi.TrustEverything;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The TLS side of the HTTP client, from the configuration: the JDK's trusted certificates (or none checked at all
 * with {@code insecureSkipTLSVerify}), a client certificate and key from PEM files as Go's
 * {@code tls.LoadX509KeyPair} reads them (the key in PKCS#8, PKCS#1 RSA or SEC1 EC form, unencrypted), and the
 * lowest TLS version allowed. Stateless.
 */
final class TlsSettings {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

    private TlsSettings() {
    }

    /** The SSL context; a key or certificate that cannot be read is an {@link IllegalArgumentException}. */
    static SSLContext context(PrometheusConfig config) {
        try {
            KeyManager[] keys = null;
            if (config.clientCertificate().isPresent() && config.clientCertificateKey().isPresent()) {
                keys = keyManagers(config.clientCertificate().get(), config.clientCertificateKey().get());
            }
            TrustManager[] trust = config.insecureSkipTlsVerify() ? new TrustManager[] {TrustEverything.INSTANCE} : null;
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("failed to set up TLS for the remote-write client: " + e.getMessage(),
                    e);
        }
    }

    /** The protocols offered: TLS 1.3 only by default (as k6), or 1.2 and 1.3. */
    static SSLParameters parameters(PrometheusConfig config) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(config.tlsMinVersion().equals("1.2")
                ? new String[] {"TLSv1.3", "TLSv1.2"} : new String[] {"TLSv1.3"});
        return parameters;
    }

    private static KeyManager[] keyManagers(Path certificateFile, Path keyFile) throws GeneralSecurityException {
        List<Pem> certificatePems = read(certificateFile, "client certificate");
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> chain = new java.util.ArrayList<>();
        for (Pem pem : certificatePems) {
            if (pem.type().equals("CERTIFICATE")) {
                chain.add(factory.generateCertificate(new ByteArrayInputStream(pem.der())));
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("failed to load the TLS certificate: " + certificateFile
                    + " holds no PEM CERTIFICATE block");
        }
        PrivateKey key = privateKey(keyFile);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        char[] password = new char[0];
        store.setKeyEntry("client", key, password, chain.toArray(Certificate[]::new));
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(store, password);
        return managers.getKeyManagers();
    }

    private static PrivateKey privateKey(Path keyFile) {
        String text = readText(keyFile, "client certificate key");
        try {
            return PemKeys.privateKey(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failed to load the TLS certificate key " + keyFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<Pem> read(Path file, String what) {
        List<Pem> blocks = new java.util.ArrayList<>();
        Matcher block = PEM.matcher(readText(file, what));
        while (block.find()) {
            blocks.add(new Pem(block.group(1), Base64.getMimeDecoder().decode(block.group(2))));
        }
        return blocks;
    }

    /** The file's text, or one line naming {@code what} it was to hold and why it could not be read. */
    private static String readText(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("failed to load the TLS " + what + " " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
    }

    private record Pem(String type, byte[] der) {
    }
}
