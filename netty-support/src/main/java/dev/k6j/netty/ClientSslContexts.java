package dev.k6j.netty;

import dev.k6j.spi.TlsSettings;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;

/**
 * Client {@link SslContext}s made from the test's TLS options ({@link TlsSettings}: {@code insecureSkipTLSVerify},
 * {@code tlsVersion}, {@code tlsCipherSuites}, {@code tlsAuth}): one per client certificate in use, made on first
 * use and kept. Server certificates and host names are checked against the JDK's trusted roots unless
 * verification is off. Keep one object per client (a module object), not per connection.
 *
 * <pre>{@code
 * ClientSslContexts contexts = new ClientSslContexts(builder -> builder.applicationProtocolConfig(alpn));
 * SslContext context = contexts.forHost(vu.testRun().tls(), host);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ClientSslContexts {

    private record Key(TlsSettings settings, TlsSettings.ClientCertificate certificate) {
    }

    private final ConcurrentHashMap<Key, SslContext> contexts = new ConcurrentHashMap<>();
    private final UnaryOperator<SslContextBuilder> extra;

    /** Contexts from the TLS options alone. */
    public ClientSslContexts() {
        this(UnaryOperator.identity());
    }

    /** Contexts from the TLS options and what {@code extra} adds to each builder (ALPN, say). */
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
        return contexts.computeIfAbsent(new Key(settings, settings.clientCertificateFor(host)), this::build);
    }

    private SslContext build(Key key) {
        TlsSettings settings = key.settings();
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        if (settings.insecureSkipVerify()) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        } else {
            builder.endpointIdentificationAlgorithm("HTTPS");
        }
        if (!settings.protocols().isEmpty()) {
            builder.protocols(settings.protocols());
        }
        if (!settings.cipherSuites().isEmpty()) {
            builder.ciphers(settings.cipherSuites(), SupportedCipherSuiteFilter.INSTANCE);
        }
        TlsSettings.ClientCertificate certificate = key.certificate();
        try {
            if (certificate != null) {
                builder.keyManager(pem(certificate.certificate()), pem(certificate.key()), certificate.password());
            }
            return extra.apply(builder).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use the TLS options: " + e.getMessage(), e);
        }
    }

    private static ByteArrayInputStream pem(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
