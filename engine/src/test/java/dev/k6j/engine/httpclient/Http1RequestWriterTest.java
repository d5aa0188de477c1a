package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Http1RequestWriterTest {

    @Test
    void writesTheRequestLineHeadersInOrderAndTheBody() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("example.com:8080"));
        headers.put("Accept", List.of("a", "b"));
        headers.put("X-Name", List.of("żółw"));
        headers.put("Content-Length", List.of("4"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = new Http1RequestWriter(out).write(new WireRequest("POST", "/path?q=1", headers,
                "body".getBytes(StandardCharsets.UTF_8)));
        String wire = out.toString(StandardCharsets.UTF_8);
        assertThat(wire).isEqualTo("POST /path?q=1 HTTP/1.1\r\nHost: example.com:8080\r\nAccept: a\r\nAccept: b\r\n"
                + "X-Name: żółw\r\nContent-Length: 4\r\n\r\nbody");
        assertThat(written).isEqualTo(out.size());
    }

    @Test
    void writesALargeBodyWhole() throws IOException {
        byte[] body = new byte[100_000];
        java.util.Arrays.fill(body, (byte) 'z');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Http1RequestWriter writer = new Http1RequestWriter(out);
        long written = writer.write(new WireRequest("PUT", "/", Map.of("Host", List.of("h")), body));
        assertThat(out.size()).isEqualTo(written).isEqualTo("PUT / HTTP/1.1\r\nHost: h\r\n\r\n".length() + 100_000);
        out.reset();
        writer.write(new WireRequest("GET", "/again", Map.of("Host", List.of("h")), null));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("GET /again HTTP/1.1\r\nHost: h\r\n\r\n");
    }
}
