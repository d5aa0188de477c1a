package dev.k6j.modules.websockets;

import dev.k6j.spi.TlsSettings;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * The client TLS contexts for {@code wss://}: one per client certificate in use (plus one without), built from the
 * test's TLS options on first use. HTTP/1.1 only (a WebSocket upgrade is an HTTP/1.1 request), server certificates
 * and host names checked unless {@code insecureSkipTLSVerify}. Thread-safe.
 */
final class TlsContexts {

    private record Key(TlsSettings options, TlsSettings.ClientCertificate certificate) {
    }

    private final ConcurrentHashMap<Key, SslContext> contexts = new ConcurrentHashMap<>();

    /**
     * The context for a connection to {@code host}.
     *
     * @throws IllegalArgumentException if the TLS options cannot be used (a bad client certificate)
     */
    SslContext forHost(TlsSettings options, String host) {
        return contexts.computeIfAbsent(new Key(options, options.clientCertificateFor(host)), TlsContexts::build);
    }

    private static SslContext build(Key key) {
        TlsSettings options = key.options();
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        if (options.insecureSkipVerify()) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        } else {
            builder.endpointIdentificationAlgorithm("HTTPS");
        }
        if (!options.protocols().isEmpty()) {
            builder.protocols(options.protocols());
        }
        if (!options.cipherSuites().isEmpty()) {
            builder.ciphers(options.cipherSuites(), SupportedCipherSuiteFilter.INSTANCE);
        }
        TlsSettings.ClientCertificate certificate = key.certificate();
        try {
            if (certificate != null) {
                builder.keyManager(
                        new ByteArrayInputStream(certificate.certificate().getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayInputStream(certificate.key().getBytes(StandardCharsets.UTF_8)),
                        certificate.password());
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("tls: cannot use the TLS options: " + e.getMessage(), e);
        }
    }
}
