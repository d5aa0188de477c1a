package dev.k6j.engine.modules.http;

import dev.k6j.testbed.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's package) on a free loopback port, one worker, serving files from a folder: an HTTP server
 * k6j did not write, for the transports' integration tests, in clear text or over TLS (with HTTP/2, or HTTP/1.1
 * only), with a certificate of the testbed's CA for 127.0.0.1. CI installs it ({@code .ci/run}).
 */
final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    /** How the server listens. */
    enum Listen {
        PLAIN(""),
        TLS_HTTP1(" ssl"),
        TLS_HTTP2(" ssl http2");

        private final String parameters;

        Listen(String parameters) {
            this.parameters = parameters;
        }
    }

    private final Process process;
    private final int port;
    private final Listen listen;

    private Nginx(Process process, int port, Listen listen) {
        this.process = process;
        this.port = port;
        this.listen = listen;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts nginx serving {@code www} with the {@code locations} blocks given (nginx configuration text). */
    static Nginx start(Path work, Path www, String locations) throws IOException, InterruptedException {
        return start(work, www, locations, Listen.PLAIN);
    }

    /**
     * Starts nginx serving {@code www} as {@code listen} says, with {@code server} as more of the server block
     * (locations, server-wide directives such as {@code keepalive_requests}). Over TLS the certificate is made by
     * the testbed's CA for {@code localhost} and 127.0.0.1.
     */
    static Nginx start(Path work, Path www, String server, Listen listen) throws IOException, InterruptedException {
        int port = freePort();
        String tls = "";
        if (listen != Listen.PLAIN) {
            TestCertificates certificates = TestCertificates.generate();
            try {
                Files.writeString(work.resolve("server.pem"), pem("CERTIFICATE", certificates.server().getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
            Files.writeString(work.resolve("server.key"), pem("PRIVATE KEY", certificates.serverKey().getEncoded()));
            tls = "ssl_certificate %1$s/server.pem; ssl_certificate_key %1$s/server.key;".formatted(work);
        }
        // nginx's worker runs as nobody: the folders it reads must be open to it.
        for (Path p = www; p != null && p.startsWith(work.getParent()); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String conf = """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    default_type application/octet-stream;
                    server {
                        listen 127.0.0.1:%2$d%5$s;
                        %6$s
                        root %3$s;
                        %4$s
                    }
                }
                """.formatted(work, port, www, server, listen.parameters, tls);
        Path confFile = work.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process process = new ProcessBuilder(BINARY.toString(), "-c", confFile.toString(), "-e",
                work.resolve("error.log").toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(process, port, listen);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx did not start: " + Files.readString(work.resolve("nginx.out")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return nginx;   // listening: what it answers is for the tests to see
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        nginx.close();
        throw new IllegalStateException("nginx did not answer within 20 s");
    }

    String url() {
        return (listen == Listen.PLAIN ? "http" : "https") + "://127.0.0.1:" + port;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
