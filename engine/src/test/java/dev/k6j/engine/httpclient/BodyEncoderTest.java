package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyEncoderTest {

    @Test
    void formBodiesAreSortedByKeyAsGoEncodesThem() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("b", "two words");
        fields.put("a", List.of("1", "2"));
        BodyEncoder.Encoded encoded = BodyEncoder.encode(fields);
        assertThat(encoded.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(new String(encoded.body(), StandardCharsets.UTF_8)).isEqualTo("a=1&a=2&b=two+words");
    }

    @Test
    void aFileMakesTheBodyMultipart() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "k6j");
        fields.put("upload", new BodyEncoder.FilePart("data".getBytes(StandardCharsets.UTF_8), "f.txt", "text/plain"));
        BodyEncoder.Encoded encoded = BodyEncoder.encode(fields);
        String boundary = encoded.contentType().substring("multipart/form-data; boundary=".length());
        assertThat(new String(encoded.body(), StandardCharsets.UTF_8)).isEqualTo(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nk6j\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"f.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\ndata\r\n--" + boundary + "--\r\n");
    }

    @Test
    void compressionRoundTrips() {
        byte[] body = "hello hello hello".getBytes(StandardCharsets.UTF_8);
        byte[] twice = Compression.compress(body, List.of("deflate", "gzip"));
        assertThat(Compression.decode("deflate, gzip", twice)).isEqualTo(body);
        assertThat(Compression.decode("br", body)).as("unknown encodings are left alone").isEqualTo(body);
    }
}
