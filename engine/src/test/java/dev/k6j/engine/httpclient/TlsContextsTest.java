package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.spi.TlsSettings;
import org.junit.jupiter.api.Test;

/** What the TLS contexts offer through ALPN, and k6's {@code GODEBUG=http2client=0}, which turns HTTP/2 off. */
class TlsContextsTest {

    @Test
    void http2IsOfferedUnlessGodebugSaysHttp2clientIsZero() {
        assertThat(TlsContexts.http2Disabled(null)).isFalse();
        assertThat(TlsContexts.http2Disabled("")).isFalse();
        assertThat(TlsContexts.http2Disabled("http2client=1")).isFalse();
        assertThat(TlsContexts.http2Disabled("http2client=0")).isTrue();
        assertThat(TlsContexts.http2Disabled("netdns=go,http2client=0")).isTrue();
        assertThat(TlsContexts.http2Disabled("http2client=0,http2debug=1")).isTrue();
        // k6 compares each setting as it is: spaces are part of it
        assertThat(TlsContexts.http2Disabled("netdns=go, http2client=0")).isFalse();
    }

    @Test
    void withoutHttp2TheHandshakeCarriesNoAlpnAtAll() {
        assertThat(new TlsContexts(true).forHost(TlsSettings.DEFAULTS, "example.com")
                .applicationProtocolNegotiator().protocols()).containsExactly("h2", "http/1.1");
        assertThat(new TlsContexts(false).forHost(TlsSettings.DEFAULTS, "example.com")
                .applicationProtocolNegotiator().protocols()).isEmpty();
    }
}
