package dev.k6j.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.spi.TlsSettings;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class NettySupportTest {

    @Test
    void theTrafficCounterCountsBytesBothWaysAndHandsThemOut() {
        TrafficCounter traffic = new TrafficCounter();
        EmbeddedChannel channel = new EmbeddedChannel(traffic);

        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[5]));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[7]));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[3]));

        assertThat(traffic.takeSent()).isEqualTo(5);
        assertThat(traffic.takeReceived()).isEqualTo(10);
        assertThat(traffic.takeSent()).isZero();
        assertThat(traffic.takeReceived()).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void oneContextPerClientCertificateMadeOnce() {
        ClientSslContexts contexts = new ClientSslContexts();
        SslContext first = contexts.forHost(TlsSettings.DEFAULTS, "a.example");
        assertThat(contexts.forHost(TlsSettings.DEFAULTS, "b.example")).isSameAs(first);
        assertThat(first.isClient()).isTrue();

        TlsSettings insecure = new TlsSettings(true, List.of("TLSv1.3"), List.of(), List.of());
        assertThat(contexts.forHost(insecure, "a.example")).isNotSameAs(first);
    }

    @Test
    void optionsThatMakeNoContextSaySoInOneLine() {
        TlsSettings badCertificate = new TlsSettings(false, List.of(), List.of(), List.of(
                new TlsSettings.ClientCertificate(List.of(), "-----BEGIN CERTIFICATE-----\nnot base64\n"
                        + "-----END CERTIFICATE-----\n", "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n",
                        null)));

        assertThatThrownBy(() -> new ClientSslContexts().forHost(badCertificate, "a.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot use the TLS options: ");
    }

    @Test
    void everyBootstrapRunsOnTheOneSharedGroup() {
        assertThat(SharedEventLoops.bootstrap(1_000).config().group()).isSameAs(SharedEventLoops.group());
    }
}
