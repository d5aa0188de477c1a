package dev.k6j.engine.http;

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
 * The client TLS contexts of a test: one per client certificate in use (plus one without), built from the TLS
 * options on first use. They offer HTTP/2 and HTTP/1.1 through ALPN (unless {@code GODEBUG=http2client=0}), check
 * server certificates and host names against the JDK's trusted roots unless {@code insecureSkipTLSVerify}, and keep
 * to {@code tlsVersion} and {@code tlsCipherSuites}. Thread-safe.
 */
final class TlsContexts {

    private record Key(TlsSettings options, TlsSettings.ClientCertificate certificate) {
    }

    private final ConcurrentHashMap<Key, SslContext> contexts = new ConcurrentHashMap<>();
    private final boolean offerHttp2;

    /** Contexts offering HTTP/2 unless the environment's {@code GODEBUG} holds {@code http2client=0}, as k6 does. */
    TlsContexts() {
        this(!http2Disabled(System.getenv("GODEBUG")));
    }

    /** @param offerHttp2 whether ALPN offers {@code h2} and {@code http/1.1}; without, no ALPN at all, as Go's */
    TlsContexts(boolean offerHttp2) {
        this.offerHttp2 = offerHttp2;
    }

    /**
     * Whether {@code GODEBUG} turns HTTP/2 off: one of its comma-separated settings is exactly
     * {@code http2client=0} (k6's {@code forceHTTP1}, which then leaves ALPN out of the handshake).
     */
    static boolean http2Disabled(String godebug) {
        if (godebug == null) {
            return false;
        }
        for (String setting : godebug.split(",", -1)) {
            if (setting.equals("http2client=0")) {
                return true;
            }
        }
        return false;
    }

    /** The context for connections to {@code host}. A bad client certificate fails with a TLS error. */
    SslContext forHost(TlsSettings options, String host) {
        TlsSettings.ClientCertificate certificate = options.clientCertificateFor(host);
        return contexts.computeIfAbsent(new Key(options, certificate), this::build);
    }

    private SslContext build(Key key) {
        TlsSettings options = key.options();
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .applicationProtocolConfig(!offerHttp2 ? ApplicationProtocolConfig.DISABLED
                        : new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
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
            throw new HttpError(ErrorCodes.TLS_DEFAULT, "tls: cannot use the TLS options: " + e.getMessage(), e);
        }
    }
}
