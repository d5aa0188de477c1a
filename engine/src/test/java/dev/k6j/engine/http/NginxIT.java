package dev.k6j.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.k6j.engine.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-http transport (HTTP/1.1 on the VU's own thread) against nginx: a server k6j did not write, with its own
 * idea of keep-alive, chunked and gzipped bodies, HEAD and errors.
 */
class NginxIT {

    @TempDir
    Path tmp;

    @Test
    void aRealServersResponsesReadAsK6ReadsThem() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed here (apt-get install nginx-light; CI installs it)");
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
        try (Nginx nginx = Nginx.start(tmp, www, """
                gzip on; gzip_types application/json; gzip_min_length 100;
                types { text/plain txt; application/json json; }
                location = /redirect { return 302 /hello.txt; }
                """)) {
            CliRun run = CliRun.of("run", "-q", "-e", "NGINX=" + nginx.url(), "http/nginx.js");
            // The script's threshold (checks: rate==1) makes any failed check exit 99.
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.stdout()).as(run.all()).containsPattern("checks\\.+: 100\\.00% ✓ 48 ");
        }
    }
}
