package dev.k6j.modules.tcp;

import dev.k6j.spi.TlsSettings;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
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
 * Client TLS contexts made from the test's TLS options ({@code insecureSkipTLSVerify}, {@code tlsVersion},
 * {@code tlsCipherSuites}, {@code tlsAuth}): one per client certificate in use, made on first use. Server
 * certificates and host names are checked against the JDK's trusted roots unless verification is off. Like
 * xk6-tcp, ALPN offers only {@code http/1.1}, so a server never switches a raw socket to HTTP/2 frames.
 * Thread-safe.
 */
final class ClientTls {

    private record Key(TlsSettings settings, TlsSettings.ClientCertificate certificate) {
    }

    private final ConcurrentHashMap<Key, SslContext> contexts = new ConcurrentHashMap<>();

    /**
     * The context for a connection to {@code host}.
     *
     * @throws IllegalArgumentException when the options cannot make a context (a bad certificate or cipher)
     */
    SslContext forHost(TlsSettings settings, String host) {
        return contexts.computeIfAbsent(new Key(settings, settings.clientCertificateFor(host)), ClientTls::build);
    }

    private static SslContext build(Key key) {
        TlsSettings settings = key.settings();
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .applicationProtocolConfig(new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_1_1));
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
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot use the TLS options: " + e.getMessage(), e);
        }
    }

    private static ByteArrayInputStream pem(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
