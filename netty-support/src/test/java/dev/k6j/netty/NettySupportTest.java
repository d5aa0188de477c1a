package dev.k6j.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.spi.TlsSettings;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
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
    void aConnectionsOwnCaCertificatesMakeTheirOwnContextOnce() throws Exception {
        ClientSslContexts contexts = new ClientSslContexts();
        String ca = jdkRootAsPem();

        SslContext withCa = contexts.forHost(TlsSettings.DEFAULTS, "a.example", List.of(ca), null);
        assertThat(contexts.forHost(TlsSettings.DEFAULTS, "b.example", List.of(ca), null)).isSameAs(withCa);
        assertThat(withCa).isNotSameAs(contexts.forHost(TlsSettings.DEFAULTS, "a.example"));
        assertThat(contexts.forHost(TlsSettings.DEFAULTS, "a.example", List.of(), null))
                .isSameAs(contexts.forHost(TlsSettings.DEFAULTS, "a.example"));
    }

    @Test
    void aCaCertificateThatIsNoCertificateIsNamedByItsIndexAsInK6() throws Exception {
        assertThatThrownBy(() -> new ClientSslContexts().forHost(TlsSettings.DEFAULTS, "a.example",
                List.of(jdkRootAsPem(), "not a certificate"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failed to append ca certificate [1] from PEM");
    }

    /** One of the JDK's trusted roots, as PEM. */
    private static String jdkRootAsPem() throws Exception {
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        X509Certificate root = ((X509TrustManager) jdk.getTrustManagers()[0]).getAcceptedIssuers()[0];
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(root.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    void everyBootstrapRunsOnTheOneSharedGroup() {
        assertThat(SharedEventLoops.bootstrap(1_000).config().group()).isSameAs(SharedEventLoops.group());
    }
}
