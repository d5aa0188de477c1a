package dev.k6j.testbed;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Compresses a reply's body and says so in {@code Content-Encoding}. */
final class Compressed {

    private Compressed() {
    }

    static Reply gzip(Reply reply) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(reply.body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        reply.body = out.toByteArray();
        return reply.header(HttpHeaderNames.CONTENT_ENCODING, "gzip");
    }

    /** {@code deflate} as HTTP means it: the zlib format (RFC 1950). */
    static Reply deflate(Reply reply) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(reply.body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        reply.body = out.toByteArray();
        return reply.header(HttpHeaderNames.CONTENT_ENCODING, "deflate");
    }
}
