package dev.k6j.engine.modules.http;

import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.Testbed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs test scripts of {@code src/test/resources/scripts/http} with the CLI against one testbed, passing its URLs
 * in {@code __ENV}: {@code HTTP}, {@code HTTPS}, {@code MTLS}, {@code REFUSED} (a closed port), and the client
 * certificate as {@code CLIENT_CERT} and {@code CLIENT_KEY}.
 */
final class TestbedRun implements AutoCloseable {

    private final Testbed testbed = Testbed.start();
    private final String refused = "http://127.0.0.1:" + closedPort() + "/";

    Testbed testbed() {
        return testbed;
    }

    String refusedUrl() {
        return refused;
    }

    /** {@code k6j run -q -e ... <extra> http/<script>}. */
    CliRun run(String script, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "-q"));
        env(args, "HTTP", testbed.httpUrl());
        env(args, "HTTPS", testbed.httpsUrl());
        env(args, "MTLS", testbed.mtlsUrl());
        env(args, "REFUSED", refused);
        env(args, "CLIENT_CERT", testbed.certificates().clientCertificatePem());
        env(args, "CLIENT_KEY", testbed.certificates().clientKeyPem());
        args.addAll(List.of(extra));
        args.add("http/" + script);
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void env(List<String> args, String name, String value) {
        args.add("-e");
        args.add(name + "=" + value);
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        testbed.close();
    }
}
