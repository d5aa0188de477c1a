package dev.k6j.engine.modules.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.k6j.engine.cli.CliRun;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k6j's transports against nginx: a server k6j did not write, with its own idea of keep-alive, chunked and gzipped
 * bodies, HEAD and errors; over http, and over TLS with HTTP/1.1 and with HTTP/2 (GOAWAY, stream resets, flow
 * control).
 */
class NginxIT {

    private static final String LOCATIONS = """
            gzip on; gzip_types application/json; gzip_min_length 100;
            types { text/plain txt; application/json json; }
            location = /redirect { return 302 /hello.txt; }
            """;

    @TempDir
    Path tmp;

    private Path www() throws IOException {
        Path www = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(www.resolve("hello.txt"), "hello from nginx\n");
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 2000; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"item ").append(i)
                    .append("\"}");
        }
        Files.writeString(www.resolve("big.json"), items.append("]}").toString());
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Files.write(www.resolve("bytes.bin"), bytes);
        return www;
    }

    /** nginx.js's checks, which the script's threshold (checks: rate==1) makes exit 99 when any fails. */
    private static void passesTheCommonChecks(String url, String proto) {
        CliRun run = CliRun.of("run", "-q", "--insecure-skip-tls-verify", "-e", "NGINX=" + url, "-e", "PROTO=" + proto,
                "http/nginx.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).containsPattern("checks\\.+: 100\\.00% ✓ 48 ");
    }

    @Test
    void aRealServersResponsesReadAsK6ReadsThem() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed here (apt-get install nginx-light; CI installs it)");
        try (Nginx nginx = Nginx.start(tmp, www(), LOCATIONS)) {
            passesTheCommonChecks(nginx.url(), "HTTP/1.1");
        }
    }

    @Test
    void http11OverTlsWhenTheServerOffersNoHttp2() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed here (apt-get install nginx-light; CI installs it)");
        try (Nginx nginx = Nginx.start(tmp, www(), LOCATIONS, Nginx.Listen.TLS_HTTP1)) {
            passesTheCommonChecks(nginx.url(), "HTTP/1.1");
        }
    }

    @Test
    void http2OverTlsWithGoAwayStreamResetsTimeoutsAndFlowControl() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed here (apt-get install nginx-light; CI installs it)");
        Path www = www();
        byte[] big = new byte[5_000_000];   // more than the 4 MB k6j lets a stream send unacknowledged
        new Random(7).nextBytes(big);
        Files.write(www.resolve("big.bin"), big);
        Files.write(www.resolve("slow.bin"), new byte[200_000]);
        Path goAwayWork = Files.createDirectories(tmp.resolve("goaway"));
        try (Nginx nginx = Nginx.start(tmp, www, LOCATIONS + """
                     location = /reset { access_log %s/reset.log; return 444; }
                     location = /slow.bin { limit_rate 10k; }
                     """.formatted(tmp), Nginx.Listen.TLS_HTTP2);
             Nginx goAway = Nginx.start(goAwayWork, www, "keepalive_requests 5; http2_max_concurrent_streams 3;",
                     Nginx.Listen.TLS_HTTP2)) {
            passesTheCommonChecks(nginx.url(), "HTTP/2.0");
            CliRun run = CliRun.of("run", "-q", "-e", "NGINX=" + nginx.url(), "-e", "GOAWAY_NGINX=" + goAway.url(),
                    "http/nginx-http2.js");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.stdout()).as(run.all()).containsPattern("checks\\.+: 100\\.00% ✓ 10 ");
            // Each try on a new connection, at once: k6 made about 100 in the 2.5 s here; a client that spaced its
            // retries out (1 s, 2 s ...) would fit 3.
            assertThat(Files.readAllLines(tmp.resolve("reset.log"))).as("tries of /reset").hasSizeGreaterThan(5);
        }
    }

    @Test
    void http2DownloadCutOffByTheServerIsAnUnexpectedEof() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed here (apt-get install nginx-light; CI installs it)");
        Path www = www();
        Files.write(www.resolve("slow.bin"), new byte[200_000]);
        HttpServer cut = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try (Nginx nginx = Nginx.start(tmp, www, "location = /slow.bin { limit_rate 10k; }", Nginx.Listen.TLS_HTTP2)) {
            cut.createContext("/cut", exchange -> {
                try {
                    Thread.sleep(1000);   // the download is under way: the script started it first
                    nginx.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            cut.start();
            CliRun run = CliRun.of("run", "-q", "-e", "NGINX=" + nginx.url(), "-e",
                    "CUT=http://127.0.0.1:" + cut.getAddress().getPort() + "/cut", "http/nginx-cut.js");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.stdout()).as(run.all()).containsPattern("checks\\.+: 100\\.00% ✓ 1 ");
        } finally {
            cut.stop(0);
        }
    }
}
