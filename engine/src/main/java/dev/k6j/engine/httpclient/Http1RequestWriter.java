package dev.k6j.engine.httpclient;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes HTTP/1.1 requests to a blocking stream: the request line and headers encoded into one reusable buffer, and
 * a small body appended to it, so a typical request leaves in a single write. Text goes out as UTF-8, as Go's client
 * writes its strings.
 *
 * <p>Threads: one request at a time, on the thread that owns the connection at that moment.
 */
final class Http1RequestWriter {

    /** Bodies up to this size share the head's write; bigger ones are written on their own, uncopied. */
    private static final int INLINE_BODY = 16 * 1024;

    private final OutputStream out;
    private byte[] buffer = new byte[1024];
    private int size;

    Http1RequestWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the whole request and flushes it; returns the number of bytes written. */
    long write(WireRequest request) throws IOException {
        size = 0;
        ascii(request.method());
        put((byte) ' ');
        text(request.target());
        ascii(" HTTP/1.1\r\n");
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                text(header.getKey());
                put((byte) ':');
                put((byte) ' ');
                text(value);
                put((byte) '\r');
                put((byte) '\n');
            }
        }
        put((byte) '\r');
        put((byte) '\n');
        byte[] body = request.body();
        long written = size;
        if (body != null && body.length <= INLINE_BODY) {
            ensure(body.length);
            System.arraycopy(body, 0, buffer, size, body.length);
            size += body.length;
            written += body.length;
            out.write(buffer, 0, size);
        } else {
            out.write(buffer, 0, size);
            if (body != null) {
                out.write(body);
                written += body.length;
            }
        }
        out.flush();
        return written;
    }

    private void ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    /** ASCII fast, anything else as UTF-8. */
    private void text(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                ensure(bytes.length);
                System.arraycopy(bytes, 0, buffer, size, bytes.length);
                size += bytes.length;
                return;
            }
        }
        ascii(text);
    }

    private void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(size + more, buffer.length * 2));
        }
    }
}
