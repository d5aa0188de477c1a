package dev.k6j.testbed;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/**
 * What an endpoint answers: a status, headers and a body, optionally after a delay, or a misbehaviour
 * (garbage instead of HTTP, or a closed connection). Built on an event loop, used once.
 */
final class Reply {

    /** How the reply goes out. */
    enum Kind { NORMAL, MALFORMED, CLOSE }

    final HttpResponseStatus status;
    final HttpHeaders headers = new DefaultHttpHeaders();
    byte[] body = new byte[0];
    long delayMillis;
    long closeAfterMillis = -1;
    Kind kind = Kind.NORMAL;

    Reply(int status) {
        this.status = HttpResponseStatus.valueOf(status);
    }

    static Reply text(int status, String text) {
        Reply reply = new Reply(status);
        reply.body = text.getBytes(StandardCharsets.UTF_8);
        reply.headers.set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return reply;
    }

    static Reply json(int status, Object value) {
        Reply reply = new Reply(status);
        reply.body = Json.write(value).getBytes(StandardCharsets.UTF_8);
        reply.headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        return reply;
    }

    static Reply redirect(int status, String location) {
        Reply reply = new Reply(status);
        reply.headers.set(HttpHeaderNames.LOCATION, location);
        return reply;
    }

    static Reply of(Kind kind) {
        Reply reply = new Reply(200);
        reply.kind = kind;
        return reply;
    }

    Reply header(CharSequence name, Object value) {
        headers.add(name, value);
        return this;
    }
}
