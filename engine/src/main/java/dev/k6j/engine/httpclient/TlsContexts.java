package dev.k6j.engine.httpclient;

import dev.k6j.netty.ClientSslContexts;
import dev.k6j.spi.TlsSettings;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;

/**
 * The client TLS contexts of a test, made by netty-support's {@link ClientSslContexts} (the TLS set-up every
 * extension uses: one context per client certificate in use, built from the TLS options on first use, server
 * certificates and host names checked unless {@code insecureSkipTLSVerify}, {@code tlsVersion} and
 * {@code tlsCipherSuites} kept). k6/http adds ALPN: HTTP/2 and HTTP/1.1, unless {@code GODEBUG=http2client=0}.
 * Thread-safe.
 */
public final class TlsContexts {

    private static final ApplicationProtocolConfig HTTP2_AND_HTTP1 = new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1);

    private final ClientSslContexts contexts;

    /** Contexts offering HTTP/2 unless the environment's {@code GODEBUG} holds {@code http2client=0}, as k6 does. */
    public TlsContexts() {
        this(!http2Disabled(System.getenv("GODEBUG")));
    }

    /** @param offerHttp2 whether ALPN offers {@code h2} and {@code http/1.1}; without, no ALPN at all, as Go's */
    TlsContexts(boolean offerHttp2) {
        ApplicationProtocolConfig alpn = offerHttp2 ? HTTP2_AND_HTTP1 : ApplicationProtocolConfig.DISABLED;
        this.contexts = new ClientSslContexts(builder -> builder.applicationProtocolConfig(alpn));
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
        try {
            return contexts.forHost(options, host);
        } catch (IllegalArgumentException e) {
            throw new HttpError(ErrorCodes.TLS_DEFAULT, "tls: " + e.getMessage(), e.getCause());
        }
    }
}
