package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Http1ResponseReaderTest {

    private static Http1ResponseReader reader(String wire) {
        return new Http1ResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** A stream that hands out at most {@code chunk} bytes per read, as a socket may. */
    private static Http1ResponseReader trickling(String wire, int chunk) {
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        return new Http1ResponseReader(new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, chunk), bytes.length - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        });
    }

    private static RawResponse read(Http1ResponseReader reader) throws IOException {
        return reader.read(false, false, false, new TimingMarks());
    }

    private static String body(RawResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void readsAContentLengthBodyAndKeepsTheConnection() throws IOException {
        Http1ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\n"
                + "hello\nHTTP/1.1 204 No Content\r\n\r\n");
        RawResponse first = read(reader);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.reason()).isEqualTo("OK");
        assertThat(first.proto()).isEqualTo("HTTP/1.1");
        assertThat(first.header("content-type")).isEqualTo("text/plain");
        assertThat(body(first)).isEqualTo("hello\n");
        assertThat(reader.keepAlive()).as("the next response is already buffered: not trusted for reuse").isFalse();
        RawResponse second = read(reader);
        assertThat(second.status()).isEqualTo(204);
        assertThat(second.body()).isEmpty();
        assertThat(reader.keepAlive()).isTrue();
    }

    @Test
    void readsAHeadAndBodyThatArriveAByteAtATime() throws IOException {
        String wire = "HTTP/1.1 200 OK\r\nContent-Length: 11\r\nX-A: 1\r\n\r\nhello world";
        Http1ResponseReader reader = trickling(wire, 1);
        RawResponse response = read(reader);
        assertThat(body(response)).isEqualTo("hello world");
        assertThat(response.header("X-A")).isEqualTo("1");
        assertThat(reader.takeReceived()).isEqualTo(wire.length());
        assertThat(reader.takeReceived()).isZero();
    }

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailers() throws IOException {
        String wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n";
        for (int chunk : new int[] {1, 3, 4096}) {
            Http1ResponseReader reader = trickling(wire, chunk);
            assertThat(body(read(reader))).isEqualTo("hello, world");
            assertThat(reader.keepAlive()).isTrue();
        }
    }

    @Test
    void readsABodyUntilTheServerClosesWhenItGivesNoLength() throws IOException {
        Http1ResponseReader reader = trickling("HTTP/1.0 200 OK\r\nServer: old\r\n\r\nall of it, until the end", 5);
        RawResponse response = read(reader);
        assertThat(response.proto()).isEqualTo("HTTP/1.0");
        assertThat(body(response)).isEqualTo("all of it, until the end");
        assertThat(reader.keepAlive()).isFalse();
    }

    @Test
    void skipsInformationalHeadsAndReadsNoBodyAfterHeadOr304() throws IOException {
        Http1ResponseReader continued = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        assertThat(body(read(continued))).isEqualTo("ok");

        Http1ResponseReader head = reader("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        RawResponse headResponse = head.read(true, false, false, new TimingMarks());
        assertThat(headResponse.body()).isEmpty();
        assertThat(head.keepAlive()).isTrue();

        Http1ResponseReader notModified = reader("HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n");
        assertThat(read(notModified).body()).isEmpty();
    }

    @Test
    void honoursConnectionHeadersBothWays() throws IOException {
        Http1ResponseReader close = reader("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        read(close);
        assertThat(close.keepAlive()).isFalse();

        Http1ResponseReader keptOld = reader("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n");
        read(keptOld);
        assertThat(keptOld.keepAlive()).isTrue();

        Http1ResponseReader askedToClose = reader("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        askedToClose.read(false, false, true, new TimingMarks());
        assertThat(askedToClose.keepAlive()).isFalse();
    }

    @Test
    void keepsRepeatedHeadersAndJoinsFoldedLines() throws IOException {
        RawResponse response = read(reader("HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n"
                + "X-Long: first\r\n  second\r\nContent-Length: 0\r\n\r\n"));
        assertThat(response.headers("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(response.header("X-Long")).isEqualTo("first second");
    }

    @Test
    void acceptsBareLineFeedsAsGoDoes() throws IOException {
        assertThat(body(read(reader("HTTP/1.1 200 OK\nContent-Length: 3\n\nabc")))).isEqualTo("abc");
    }

    @Test
    void discardsTheBodyWhenAskedButStillReadsIt() throws IOException {
        Http1ResponseReader reader = trickling("HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n" + "x".repeat(10000)
                + "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\ny", 700);
        assertThat(reader.read(false, true, false, new TimingMarks()).body()).isNull();
        assertThat(body(read(reader))).isEqualTo("y");
    }

    @Test
    void reportsWhatGoReportsForBrokenResponses() {
        assertThatThrownBy(() -> read(reader(""))).isInstanceOf(HttpError.class).hasMessage("EOF");
        assertThatThrownBy(() -> read(reader("HTTP/1.1 200 OK\r\nContent-Le")))
                .isInstanceOf(HttpError.class).hasMessage("unexpected EOF");
        assertThatThrownBy(() -> read(reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")))
                .isInstanceOf(HttpError.class).hasMessage("unexpected EOF");
        assertThatThrownBy(() -> read(reader("garbage\r\n\r\n")))
                .isInstanceOf(HttpError.class).hasMessage("malformed HTTP response \"garbage\"");
        assertThatThrownBy(() -> read(reader("HTTP/1.1 2x0 OK\r\n\r\n")))
                .isInstanceOf(HttpError.class).hasMessageStartingWith("malformed HTTP response");
        assertThatThrownBy(() -> read(reader("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")))
                .isInstanceOf(HttpError.class).hasMessage("malformed MIME header line: no colon here");
        assertThatThrownBy(() -> read(reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")))
                .isInstanceOf(HttpError.class).hasMessage("invalid byte in chunk length");
        assertThatThrownBy(() -> read(reader("HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n")))
                .isInstanceOf(HttpError.class).hasMessage("bad Content-Length \"abc\"");
    }

    @Test
    void marksTheFirstByte() throws IOException {
        TimingMarks marks = new TimingMarks();
        reader("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").read(false, false, false, marks);
        assertThat(marks.firstByte).isPositive();
    }
}
