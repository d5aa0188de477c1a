package dev.k6j.testbed;

import dev.k6j.testbed.tcp.TcpTestbed;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar testbed/target/k6j-testbed.jar [--port 8080] [--https-port 8443] [--mtls-port 8444]
 * [--host 127.0.0.1] [--tcp-port 9000] [--tcp-tls-port 9001] [--tcp-chaos-port 9002]}: runs the testbed until
 * Ctrl-C. A port of 0 picks a free one; -1 leaves that server off.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int http = 8080;
        int https = 8443;
        int mtls = 8444;
        int tcpEcho = 9000;
        int tcpTls = 9001;
        int tcpChaos = 9002;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--host" -> host = need(arg, value);
                case "--port" -> http = port(arg, value);
                case "--https-port" -> https = port(arg, value);
                case "--mtls-port" -> mtls = port(arg, value);
                case "--tcp-port" -> tcpEcho = port(arg, value);
                case "--tcp-tls-port" -> tcpTls = port(arg, value);
                case "--tcp-chaos-port" -> tcpChaos = port(arg, value);
                case "-h", "--help" -> {
                    System.out.println("usage: k6j-testbed [--port 8080] [--https-port 8443] [--mtls-port 8444] "
                            + "[--host 127.0.0.1] [--tcp-port 9000] [--tcp-tls-port 9001] [--tcp-chaos-port 9002]"
                            + "   (0 = a free port, -1 = off)");
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
        TcpTestbed tcp = TcpTestbed.start(new TcpTestbed.Ports(host, tcpEcho, tcpTls, tcpChaos),
                testbed.certificates());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tcp.close();
            testbed.close();
            stopped.countDown();
        }));
        System.out.println("k6j testbed is up (Ctrl-C stops it)");
        print("http ", () -> testbed.httpUrl());
        print("https", () -> testbed.httpsUrl());
        print("mtls ", () -> testbed.mtlsUrl());
        print("tcp echo ", () -> "tcp://" + tcp.host() + ":" + tcp.echoPort());
        print("tcp tls  ", () -> "tcp+tls://" + tcp.host() + ":" + tcp.tlsEchoPort());
        print("tcp chaos", () -> "tcp://" + tcp.host() + ":" + tcp.chaosPort() + " (commands: testbed/README.md)");
        stopped.await();
    }

    private static void print(String label, java.util.function.Supplier<String> url) {
        try {
            System.out.println("  " + label + "  " + url.get());
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
