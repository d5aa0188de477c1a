package dev.k6j.engine.httpclient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.x responses from a blocking stream, as Go's client reads them: informational (1xx) heads skipped,
 * bodies delimited by {@code Content-Length}, by chunked transfer coding (trailers read and dropped) or by the end
 * of the connection, and no body after {@code HEAD}, 204 and 304. One buffer per connection, reused; a body of known
 * length is read straight into its own array.
 *
 * <p>Threads: one response at a time, on the thread that owns the connection at that moment.
 */
final class Http1ResponseReader {

    /** Go's transport stops reading a head at 10 MB ({@code MaxResponseHeaderBytes}'s default). */
    static final int MAX_HEAD_BYTES = 10 << 20;

    private final InputStream in;
    private byte[] buffer = new byte[8192];
    private int start;
    private int end;
    private long received;
    private boolean keepAlive;

    Http1ResponseReader(InputStream in) {
        this.in = in;
    }

    /** Bytes read from the connection since the last call (for {@code data_received}). */
    long takeReceived() {
        long bytes = received;
        received = 0;
        return bytes;
    }

    /** Whether the connection may carry another request after the last response read. */
    boolean keepAlive() {
        return keepAlive;
    }

    /**
     * Reads one response.
     *
     * @param head         the request was a {@code HEAD} (no body follows)
     * @param discardBody  read the body but keep none of it ({@code responseType: "none"})
     * @param requestClose the request asked the server to close the connection
     * @param marks        {@code firstByte} is marked when the first bytes arrive
     * @throws HttpError   k6's error for a response that is not HTTP, or a connection closed before any byte ("EOF")
     *                     or in the middle ("unexpected EOF")
     */
    RawResponse read(boolean head, boolean discardBody, boolean requestClose, TimingMarks marks) throws IOException {
        keepAlive = false;
        while (true) {
            int headEnd = headEnd(marks);
            Head parsed = parseHead(headEnd);
            start = headEnd;
            if (parsed.status >= 100 && parsed.status < 200 && parsed.status != 101) {
                continue;
            }
            byte[] body = null;
            boolean closeDelimited = false;
            // 101 (the only informational status that ends the exchange) hands the connection over: no body.
            boolean noBody = head || parsed.status == 204 || parsed.status == 304 || parsed.status == 101;
            if (!noBody) {
                if (parsed.chunked) {
                    body = readChunked(discardBody);
                } else if (parsed.contentLength >= 0) {
                    body = readExactly(parsed.contentLength, discardBody);
                } else {
                    body = readToEnd(discardBody);
                    closeDelimited = true;
                }
            }
            boolean serverKeeps = parsed.proto.equals("HTTP/1.1") ? !parsed.connectionClose : parsed.connectionKeepAlive;
            keepAlive = serverKeeps && !closeDelimited && !requestClose && start == end;
            return new RawResponse(parsed.status, parsed.reason, parsed.proto, parsed.headers,
                    discardBody ? null : body == null ? new byte[0] : body);
        }
    }

    // ---- the head -----------------------------------------------------------------------------------------------

    private static final class Head {
        String proto;
        int status;
        String reason;
        List<Map.Entry<String, String>> headers;
        long contentLength = -1;
        boolean chunked;
        boolean connectionClose;
        boolean connectionKeepAlive;
    }

    /** Reads until a whole head is buffered; returns the index just after its empty line. */
    private int headEnd(TimingMarks marks) throws IOException {
        int scanned = start;
        while (true) {
            for (int i = Math.max(scanned, start + 1); i < end; i++) {
                if (buffer[i] == '\n') {
                    if (buffer[i - 1] == '\n') {
                        return i + 1;
                    }
                    if (buffer[i - 1] == '\r' && i - 2 >= start && buffer[i - 2] == '\n') {
                        return i + 1;
                    }
                }
            }
            scanned = end;
            if (end - start >= MAX_HEAD_BYTES) {
                throw new HttpError(ErrorCodes.DEFAULT, "net/http: server response headers exceeded " + MAX_HEAD_BYTES
                        + " bytes; aborted");
            }
            int before = start;
            if (fill() < 0) {
                throw new HttpError(ErrorCodes.DEFAULT, end == start ? "EOF" : "unexpected EOF");
            }
            scanned -= before - start;   // fill() may have moved the unread bytes to the front
            marks.firstByteIfUnset();
        }
    }

    private Head parseHead(int headEnd) {
        Head head = new Head();
        head.headers = new ArrayList<>(12);
        int lineStart = start;
        boolean first = true;
        String lastName = null;
        while (lineStart < headEnd) {
            int newline = lineStart;
            while (buffer[newline] != '\n') {
                newline++;
            }
            int lineEnd = newline > lineStart && buffer[newline - 1] == '\r' ? newline - 1 : newline;
            if (first) {
                statusLine(head, lineStart, lineEnd);
                first = false;
            } else if (lineEnd > lineStart) {
                if ((buffer[lineStart] == ' ' || buffer[lineStart] == '\t') && lastName != null) {
                    // An obsolete folded line continues the previous header's value.
                    int last = head.headers.size() - 1;
                    String folded = head.headers.get(last).getValue() + " " + latin1(lineStart, lineEnd).trim();
                    head.headers.set(last, Map.entry(lastName, folded));
                } else {
                    lastName = header(head, lineStart, lineEnd);
                }
            }
            lineStart = newline + 1;
        }
        return head;
    }

    private void statusLine(Head head, int from, int to) {
        int space = indexOf((byte) ' ', from, to);
        if (space < 0 || !startsWith(from, "HTTP/") || to - space < 4) {
            throw malformed(from, to);
        }
        head.proto = latin1(from, space);
        int status = 0;
        for (int i = space + 1; i < space + 4; i++) {
            byte digit = buffer[i];
            if (digit < '0' || digit > '9') {
                throw malformed(from, to);
            }
            status = status * 10 + digit - '0';
        }
        if (space + 4 < to && buffer[space + 4] != ' ') {
            throw malformed(from, to);
        }
        head.status = status;
        head.reason = space + 5 <= to ? latin1(space + 5, to) : "";
    }

    /** Reads one header line into the head; returns its name. */
    private String header(Head head, int from, int to) {
        int colon = indexOf((byte) ':', from, to);
        if (colon <= from) {
            throw new HttpError(ErrorCodes.DEFAULT, "malformed MIME header line: " + latin1(from, to));
        }
        String name = latin1(from, colon).trim();
        int valueStart = colon + 1;
        while (valueStart < to && (buffer[valueStart] == ' ' || buffer[valueStart] == '\t')) {
            valueStart++;
        }
        int valueEnd = to;
        while (valueEnd > valueStart && (buffer[valueEnd - 1] == ' ' || buffer[valueEnd - 1] == '\t')) {
            valueEnd--;
        }
        String value = latin1(valueStart, valueEnd);
        head.headers.add(Map.entry(name, value));
        switch (name.length()) {
            case 14 -> {
                if (name.equalsIgnoreCase("Content-Length")) {
                    try {
                        head.contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new HttpError(ErrorCodes.DEFAULT, "bad Content-Length \"" + value + "\"");
                    }
                }
            }
            case 17 -> {
                if (name.equalsIgnoreCase("Transfer-Encoding")
                        && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    head.chunked = true;
                }
            }
            case 10 -> {
                if (name.equalsIgnoreCase("Connection")) {
                    String tokens = value.toLowerCase(Locale.ROOT);
                    head.connectionClose |= tokens.contains("close");
                    head.connectionKeepAlive |= tokens.contains("keep-alive");
                }
            }
            default -> {
            }
        }
        return name;
    }

    private HttpError malformed(int from, int to) {
        return new HttpError(ErrorCodes.DEFAULT, "malformed HTTP response \"" + latin1(from, to) + "\"");
    }

    // ---- bodies -------------------------------------------------------------------------------------------------

    private byte[] readExactly(long length, boolean discard) throws IOException {
        if (length > Integer.MAX_VALUE - 16) {
            throw new HttpError(ErrorCodes.DEFAULT, "response body too large: " + length + " bytes");
        }
        int total = (int) length;
        byte[] body = discard ? null : new byte[total];
        int buffered = Math.min(total, end - start);
        if (body != null) {
            System.arraycopy(buffer, start, body, 0, buffered);
        }
        start += buffered;
        int have = buffered;
        while (have < total) {
            int n = discard ? readDiscarding(total - have) : in.read(body, have, total - have);
            if (n < 0) {
                throw new HttpError(ErrorCodes.DEFAULT, "unexpected EOF");
            }
            received += n;
            have += n;
        }
        return body;
    }

    private int readDiscarding(int max) throws IOException {
        start = 0;
        end = 0;
        int n = in.read(buffer, 0, Math.min(max, buffer.length));
        return n;
    }

    private byte[] readToEnd(boolean discard) throws IOException {
        Growing body = new Growing(discard);
        body.add(buffer, start, end - start);
        start = 0;
        end = 0;
        while (true) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return body.bytes();
            }
            received += n;
            body.add(buffer, 0, n);
        }
    }

    private byte[] readChunked(boolean discard) throws IOException {
        Growing body = new Growing(discard);
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new HttpError(ErrorCodes.DEFAULT, "invalid byte in chunk length");
            }
            if (size < 0 || size > Integer.MAX_VALUE - 16) {
                throw new HttpError(ErrorCodes.DEFAULT, "http chunk length too large");
            }
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers: read and dropped
                }
                return body.bytes();
            }
            long left = size;
            while (left > 0) {
                if (start == end && fill() < 0) {
                    throw new HttpError(ErrorCodes.DEFAULT, "unexpected EOF");
                }
                int n = (int) Math.min(left, end - start);
                body.add(buffer, start, n);
                start += n;
                left -= n;
            }
            if (!line().isEmpty()) {
                throw new HttpError(ErrorCodes.DEFAULT, "malformed chunked encoding");
            }
        }
    }

    /** One line (without its CR LF), reading more as needed. */
    private String line() throws IOException {
        while (true) {
            int newline = indexOf((byte) '\n', start, end);
            if (newline >= 0) {
                int lineEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                String text = latin1(start, lineEnd);
                start = newline + 1;
                return text;
            }
            if (end - start >= MAX_HEAD_BYTES) {
                throw new HttpError(ErrorCodes.DEFAULT, "malformed chunked encoding");
            }
            if (fill() < 0) {
                throw new HttpError(ErrorCodes.DEFAULT, "unexpected EOF");
            }
        }
    }

    // ---- the buffer ---------------------------------------------------------------------------------------------

    /** Reads more bytes after the unread ones, moving or growing the buffer when it is full. */
    private int fill() throws IOException {
        if (end == buffer.length) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            } else {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n > 0) {
            end += n;
            received += n;
        }
        return n;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(int from, String prefix) {
        if (end - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String latin1(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** A body of unknown length. */
    private static final class Growing {
        private final boolean discard;
        private byte[] bytes = new byte[0];
        private int size;

        Growing(boolean discard) {
            this.discard = discard;
        }

        void add(byte[] data, int from, int length) {
            if (discard || length == 0) {
                return;
            }
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + length, Math.max(1024, bytes.length * 2)));
            }
            System.arraycopy(data, from, bytes, size, length);
            size += length;
        }

        byte[] bytes() {
            return discard ? null : size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
    }
}
