package dev.k6j.netty;

import dev.k6j.spi.PemKeys;
import dev.k6j.spi.TlsSettings;
import dev.k6j.spi.TrustEverything;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Client {@link SslContext}s made from the test's TLS options ({@link TlsSettings}: {@code insecureSkipTLSVerify},
 * {@code tlsVersion}, {@code tlsCipherSuites}, {@code tlsAuth}), and for modules whose connections take TLS params of
 * their own (gRPC's {@code connect(…, { tls })}) from those params on top: one context per client certificate and
 * extra certificate authorities in use, made on first use and kept. Server certificates and host names are checked
 * against the JDK's trusted roots unless verification is off. Keep one object per client (a module object), not per
 * connection.
 *
 * <pre>{@code
 * ClientSslContexts contexts = new ClientSslContexts(builder -> builder.applicationProtocolConfig(alpn));
 * SslContext context = contexts.forHost(vu.testRun().tls(), host);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ClientSslContexts {

    private record Key(TlsSettings settings, TlsSettings.ClientCertificate certificate, List<String> caCertificates) {
    }

    private final ConcurrentHashMap<Key, SslContext> contexts = new ConcurrentHashMap<>();
    private final UnaryOperator<SslContextBuilder> extra;

    /** Contexts from the TLS options alone. */
    public ClientSslContexts() {
        this(UnaryOperator.identity());
    }

    /**
     * Contexts from the TLS options and what {@code extra} adds to each builder (ALPN, a library's defaults such as
     * gRPC's {@code GrpcSslContexts.configure}). {@code extra} runs first, so the test's options win over its
     * protocols and cipher suites.
     */
    public ClientSslContexts(UnaryOperator<SslContextBuilder> extra) {
        this.extra = extra;
    }

    /**
     * The context for a connection to {@code host}.
     *
     * @throws IllegalArgumentException {@code cannot use the TLS options: …} when the options cannot make a context
     *                                  (a bad certificate, key or cipher suite)
     */
    public SslContext forHost(TlsSettings settings, String host) {
        return forHost(settings, host, List.of(), null);
    }

    /**
     * The context for a connection to {@code host} that also trusts {@code caCertificates} (PEM, each one or more
     * certificates) besides the JDK's roots and presents {@code certificate}, when not null, instead of the
     * {@code tlsAuth} entry for the host: a connection's own TLS params on top of the test's options.
     *
     * @throws IllegalArgumentException {@code failed to append ca certificate [i] from PEM} (k6's words) when one of
     *                                  {@code caCertificates} holds no certificate; {@code cannot use the TLS options: …}
     *                                  as for {@link #forHost(TlsSettings, String)}
     */
    public SslContext forHost(TlsSettings settings, String host, List<String> caCertificates,
            TlsSettings.ClientCertificate certificate) {
        TlsSettings.ClientCertificate presented = certificate != null ? certificate : settings.clientCertificateFor(host);
        return contexts.computeIfAbsent(new Key(settings, presented, List.copyOf(caCertificates)), this::build);
    }

    private SslContext build(Key key) {
        TlsSettings settings = key.settings();
        SslContextBuilder builder = extra.apply(SslContextBuilder.forClient().sslProvider(SslProvider.JDK));
        if (settings.insecureSkipVerify()) {
            builder.trustManager(TrustEverything.INSTANCE).endpointIdentificationAlgorithm(null);
        } else {
            builder.endpointIdentificationAlgorithm("HTTPS");
            if (!key.caCertificates().isEmpty()) {
                builder.trustManager(jdkRootsAnd(key.caCertificates()));
            }
        }
        try {
            if (!settings.protocols().isEmpty()) {
                builder.protocols(settings.protocols());
            }
            if (!settings.cipherSuites().isEmpty()) {
                builder.ciphers(settings.cipherSuites(), SupportedCipherSuiteFilter.INSTANCE);
            }
            TlsSettings.ClientCertificate certificate = key.certificate();
            if (certificate != null) {
                // Netty reads PKCS#8 keys only; Go, and so k6, also PKCS#1 RSA and SEC1 EC ones.
                builder.keyManager(pem(certificate.certificate()), pem(PemKeys.toPkcs8(certificate.key())),
                        certificate.password());
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use the TLS options: " + e.getMessage(), e);
        }
    }

    /** Trusts the JDK's certificate authorities and {@code caCertificates}, as Go adds them to the system pool. */
    private static TrustManagerFactory jdkRootsAnd(List<String> caCertificates) {
        try {
            return trustManagers(caCertificates);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the TLS options: " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trustManagers(List<String> caCertificates)
            throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        int index = 0;
        for (TrustManager manager : jdk.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate ca : x509.getAcceptedIssuers()) {
                    trusted.setCertificateEntry("jdk-" + index++, ca);
                }
            }
        }
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        for (int i = 0; i < caCertificates.size(); i++) {
            for (Certificate ca : parse(certificates, caCertificates.get(i), i)) {
                trusted.setCertificateEntry("extra-" + index++, ca);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory;
    }

    private static Collection<? extends Certificate> parse(CertificateFactory certificates, String pem, int index) {
        Collection<? extends Certificate> parsed;
        try {
            parsed = certificates.generateCertificates(pem(pem));
        } catch (GeneralSecurityException e) {
            parsed = List.of();
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("failed to append ca certificate [" + index + "] from PEM");
        }
        return parsed;
    }

    private static ByteArrayInputStream pem(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
