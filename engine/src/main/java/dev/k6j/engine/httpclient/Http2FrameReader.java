package dev.k6j.engine.httpclient;

import java.io.EOFException;
import java.io.IOException;

/**
 * Reads HTTP/2 frames from a connection, one at a time, into one reusable buffer: after {@link #read()} the fields
 * describe the frame and its payload lies at {@link #payloadOffset()} in {@link #buffer()} until the next read.
 *
 * <p>Threads: one reader at a time (whichever thread reads for the connection at that moment).
 */
final class Http2FrameReader {

    /** Where the bytes come from: the TLS socket, or a test's bytes. */
    interface Source {
        /** Reads at least one byte into {@code b}, blocking; -1 at the end of the stream. */
        int read(byte[] b, int offset, int length) throws IOException;

        /** How many bytes can be read now without blocking (0 when unknown), or -1 at the end of the stream. */
        int available() throws IOException;
    }

    private final Source source;
    private final byte[] buffer = new byte[2 * (Http2Frames.HEADER_LENGTH + Http2Frames.DEFAULT_MAX_FRAME_SIZE)];
    private int start;
    private int end;

    private int type;
    private int flags;
    private int streamId;
    private int length;
    private int payloadOffset;

    Http2FrameReader(Source source) {
        this.source = source;
    }

    /**
     * Reads the next frame, blocking until it is whole.
     *
     * @throws EOFException           when the connection ends, between frames or within one
     * @throws Http2ProtocolException (FRAME_SIZE_ERROR) for a frame longer than k6j accepts
     */
    void read() throws IOException {
        skipCurrent();
        fill(Http2Frames.HEADER_LENGTH);
        parseHeader();
        fill(Http2Frames.HEADER_LENGTH + length);
        payloadOffset = start + Http2Frames.HEADER_LENGTH;
    }

    /**
     * Reads the next frame only if it can be had without blocking (what arrived while the connection sat idle).
     *
     * @return whether a frame was read
     */
    boolean poll() throws IOException {
        skipCurrent();
        while (true) {
            int buffered = end - start;
            if (buffered >= Http2Frames.HEADER_LENGTH) {
                parseHeader();
                if (buffered >= Http2Frames.HEADER_LENGTH + length) {
                    payloadOffset = start + Http2Frames.HEADER_LENGTH;
                    return true;
                }
            }
            int available = source.available();
            if (available < 0) {
                throw new EOFException("the connection ended");
            }
            if (available == 0) {
                length = -1;   // nothing current: the next read or poll starts at the same place
                return false;
            }
            compactFor(buffer.length);   // a partial frame at most is buffered: the rest of the buffer is free
            int n = source.read(buffer, end, Math.min(available, buffer.length - end));
            if (n < 0) {
                throw new EOFException("the connection ended");
            }
            end += n;
        }
    }

    private void skipCurrent() {
        if (length >= 0 && payloadOffset > 0) {
            start = payloadOffset + length;
        }
        payloadOffset = 0;
        length = -1;
    }

    private void parseHeader() throws Http2ProtocolException {
        length = (buffer[start] & 0xff) << 16 | (buffer[start + 1] & 0xff) << 8 | (buffer[start + 2] & 0xff);
        type = buffer[start + 3] & 0xff;
        flags = buffer[start + 4] & 0xff;
        streamId = int32(buffer, start + 5) & 0x7fffffff;
        if (length > Http2Frames.DEFAULT_MAX_FRAME_SIZE) {
            throw new Http2ProtocolException(Http2ErrorCodes.FRAME_SIZE_ERROR,
                    "a frame of " + length + " bytes, more than the " + Http2Frames.DEFAULT_MAX_FRAME_SIZE + " allowed");
        }
    }

    /** Makes sure {@code bytes} bytes from {@code start} are buffered, reading as needed. */
    private void fill(int bytes) throws IOException {
        if (end - start >= bytes) {
            return;
        }
        compactFor(bytes);
        while (end - start < bytes) {
            int n = source.read(buffer, end, buffer.length - end);
            if (n < 0) {
                throw new EOFException("the connection ended");
            }
            end += n;
        }
    }

    /** Moves the buffered bytes to the front when fewer than {@code bytes} fit from {@code start}. */
    private void compactFor(int bytes) {
        if (start > 0 && (start + bytes > buffer.length || start == end)) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    int type() {
        return type;
    }

    int flags() {
        return flags;
    }

    boolean flag(int flag) {
        return (flags & flag) != 0;
    }

    int streamId() {
        return streamId;
    }

    int length() {
        return length;
    }

    byte[] buffer() {
        return buffer;
    }

    int payloadOffset() {
        return payloadOffset;
    }
}
