package dev.k6j.testbed;

import dev.k6j.testbed.grpc.GrpcTestbed;
import dev.k6j.testbed.tcp.TcpTestbed;
import dev.k6j.testbed.ws.WebSocketServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar testbed/target/k6j-testbed.jar [--port 16080] [--https-port 16443] [--mtls-port 16444]
 * [--ws-port 16081] [--wss-port 16082] [--grpc-port 16090] [--grpc-tls-port 16091] [--tcp-port 16000]
 * [--tcp-tls-port 16001] [--tcp-chaos-port 16002] [--host 127.0.0.1] [--ca-file PATH]}: runs the testbed until
 * Ctrl-C. A port of 0
 * picks a free one; -1 leaves that server off.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int http = 16080;
        int https = 16443;
        int mtls = 16444;
        int ws = 16081;
        int wss = 16082;
        int grpc = 16090;
        int grpcTls = 16091;
        int tcpEcho = 16000;
        int tcpTls = 16001;
        int tcpChaos = 16002;
        String caFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--host" -> host = need(arg, value);
                case "--port" -> http = port(arg, value);
                case "--https-port" -> https = port(arg, value);
                case "--mtls-port" -> mtls = port(arg, value);
                case "--ws-port" -> ws = port(arg, value);
                case "--wss-port" -> wss = port(arg, value);
                case "--grpc-port" -> grpc = port(arg, value);
                case "--grpc-tls-port" -> grpcTls = port(arg, value);
                case "--tcp-port" -> tcpEcho = port(arg, value);
                case "--tcp-tls-port" -> tcpTls = port(arg, value);
                case "--tcp-chaos-port" -> tcpChaos = port(arg, value);
                case "--ca-file" -> caFile = need(arg, value);
                case "-h", "--help" -> {
                    System.out.println("usage: k6j-testbed [--port 16080] [--https-port 16443] [--mtls-port 16444] "
                            + "[--ws-port 16081] [--wss-port 16082] [--grpc-port 16090] [--grpc-tls-port 16091] "
                            + "[--tcp-port 16000] [--tcp-tls-port 16001] [--tcp-chaos-port 16002] "
                            + "[--host 127.0.0.1] [--ca-file PATH]   (0 = a free port, -1 = off; --ca-file writes the CA "
                            + "certificate there, for SSL_CERT_FILE)");
                    return;
                }
                default -> {
                    System.err.println("k6j-testbed: unknown argument " + arg + " (try --help)");
                    System.exit(2);
                }
            }
            i++;
        }
        Testbed testbed = Testbed.start(new Testbed.Ports(host, http, https, mtls));
        if (caFile != null) {
            writeCa(testbed, caFile);
        }
        WebSocketServer wsServer = ws < 0 ? null : WebSocketServer.start(host, ws, null);
        WebSocketServer wssServer = wss < 0 ? null : WebSocketServer.startSecure(host, wss, testbed.certificates());
        GrpcTestbed grpcTestbed = GrpcTestbed.start(host, grpc, grpcTls, testbed.certificates());
        TcpTestbed tcp = TcpTestbed.start(new TcpTestbed.Ports(host, tcpEcho, tcpTls, tcpChaos),
                testbed.certificates());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (WebSocketServer server : new WebSocketServer[] {wsServer, wssServer}) {
                if (server != null) {
                    server.close();
                }
            }
            grpcTestbed.close();
            tcp.close();
            testbed.close();
            stopped.countDown();
        }));
        System.out.println("k6j testbed is up (Ctrl-C stops it)");
        print("http ", () -> testbed.httpUrl());
        print("https", () -> testbed.httpsUrl());
        print("mtls ", () -> testbed.mtlsUrl());
        print("ws   ", () -> wsServer == null ? null : wsServer.url() + "/echo, /broadcast");
        print("wss  ", () -> wssServer == null ? null : wssServer.url() + "/echo, /broadcast");
        print("grpc ", () -> "grpc://" + grpcTestbed.address());
        print("grpcs", () -> "grpcs://" + grpcTestbed.tlsAddress());
        print("tcp echo ", () -> "tcp://" + tcp.host() + ":" + tcp.echoPort());
        print("tcp tls  ", () -> "tcp+tls://" + tcp.host() + ":" + tcp.tlsEchoPort());
        print("tcp chaos", () -> "tcp://" + tcp.host() + ":" + tcp.chaosPort() + " (commands: testbed/README.md)");
        stopped.await();
    }

    /** The CA in PEM, so clients can trust the testbed as k6 does: {@code SSL_CERT_FILE=PATH k6 run …}. */
    private static void writeCa(Testbed testbed, String file) {
        try {
            Path path = Path.of(file).toAbsolutePath();
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, testbed.certificates().caPem());
            System.out.println("  CA certificate written to " + path + " (SSL_CERT_FILE=" + path + ")");
        } catch (IOException e) {
            System.err.println("k6j-testbed: cannot write the CA certificate to " + file + ": " + e.getMessage());
            System.exit(2);
        }
    }

    private static void print(String label, java.util.function.Supplier<String> url) {
        try {
            String text = url.get();
            if (text != null) {
                System.out.println("  " + label + "  " + text);
            }
        } catch (IllegalStateException off) {
            // that server is off
        }
    }

    private static String need(String flag, String value) {
        if (value == null) {
            System.err.println("k6j-testbed: " + flag + " needs a value");
            System.exit(2);
        }
        return value;
    }

    private static int port(String flag, String value) {
        try {
            return Integer.parseInt(need(flag, value));
        } catch (NumberFormatException e) {
            System.err.println("k6j-testbed: " + flag + " needs a number, got " + value);
            System.exit(2);
            return 0;
        }
    }
}
