package dev.k6j.testbed.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The TCP servers with a plain JDK client: echo, TLS echo, and each chaos command. */
class TcpTestbedTest {

    private static TcpTestbed testbed;

    @BeforeAll
    static void start() {
        testbed = TcpTestbed.start();
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    @Test
    void echoSendsTheBytesBack() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", testbed.echoPort())) {
            socket.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("ping\n");
        }
    }

    @Test
    void tlsEchoPresentsTheTestbedCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", testbed.certificates().ca());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", testbed.tlsEchoPort())) {
            socket.getOutputStream().write("secret".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readNBytes(6), StandardCharsets.US_ASCII))
                    .isEqualTo("secret");
        }
    }

    @Test
    void chaosSendsClosesAndAnswersUnknownCommands() throws IOException {
        try (Socket socket = chaos("send 300\nbogus\nclose\n")) {
            InputStream in = socket.getInputStream();
            byte[] sent = in.readNBytes(300);
            assertThat(sent[0]).isEqualTo((byte) 0);
            assertThat(sent[255]).isEqualTo((byte) 255);
            assertThat(sent[299]).isEqualTo((byte) 43);
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("error: unknown command 'bogus'\n");      // then end of stream: closed
        }
    }

    @Test
    void chaosResets() throws IOException {
        try (Socket socket = chaos("reset\n")) {
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
    }

    @Test
    void chaosStallsWithoutClosing() throws IOException {
        try (Socket socket = chaos("stall\nclose\n")) {
            socket.setSoTimeout(300);
            assertThatThrownBy(() -> socket.getInputStream().read())
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    private static Socket chaos(String commands) throws IOException {
        Socket socket = new Socket("127.0.0.1", testbed.chaosPort());
        socket.getOutputStream().write(commands.getBytes(StandardCharsets.US_ASCII));
        return socket;
    }
}
