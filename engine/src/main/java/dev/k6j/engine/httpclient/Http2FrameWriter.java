package dev.k6j.engine.httpclient;

import java.util.Arrays;

/**
 * Builds HTTP/2 frames into one growable buffer, so that what a request sends (its HEADERS, CONTINUATION and a small
 * body's DATA, with any control frames waiting) leaves in one write. {@link #bytes()} and {@link #size()} give what
 * was built; {@link #clear()} starts over.
 *
 * <p>Threads: one owner at a time.
 */
final class Http2FrameWriter {

    private byte[] buffer = new byte[1024];
    private int size;

    byte[] bytes() {
        return buffer;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    /** Appends what another writer built (control frames queued by the reading thread). */
    void append(Http2FrameWriter other) {
        ensure(other.size);
        System.arraycopy(other.buffer, 0, buffer, size, other.size);
        size += other.size;
    }

    void preface() {
        ensure(Http2Frames.PREFACE.length);
        System.arraycopy(Http2Frames.PREFACE, 0, buffer, size, Http2Frames.PREFACE.length);
        size += Http2Frames.PREFACE.length;
    }

    /** A SETTINGS frame with the given identifier and value pairs. */
    void settings(int... idsAndValues) {
        header(idsAndValues.length / 2 * 6, Http2Frames.SETTINGS, 0, 0);
        for (int i = 0; i < idsAndValues.length; i += 2) {
            buffer[size++] = (byte) (idsAndValues[i] >>> 8);
            buffer[size++] = (byte) idsAndValues[i];
            int32(idsAndValues[i + 1]);
        }
    }

    void settingsAck() {
        header(0, Http2Frames.SETTINGS, Http2Frames.FLAG_ACK, 0);
    }

    void ping(boolean ack, byte[] payload, int offset) {
        header(8, Http2Frames.PING, ack ? Http2Frames.FLAG_ACK : 0, 0);
        System.arraycopy(payload, offset, buffer, size, 8);
        size += 8;
    }

    void windowUpdate(int streamId, int increment) {
        header(4, Http2Frames.WINDOW_UPDATE, 0, streamId);
        int32(increment);
    }

    void rstStream(int streamId, int errorCode) {
        header(4, Http2Frames.RST_STREAM, 0, streamId);
        int32(errorCode);
    }

    void goAway(int lastStreamId, int errorCode) {
        header(8, Http2Frames.GOAWAY, 0, 0);
        int32(lastStreamId);
        int32(errorCode);
    }

    /**
     * A header block as a HEADERS frame, followed by CONTINUATION frames when it is longer than
     * {@code maxFrameSize}.
     */
    void headers(int streamId, byte[] block, int length, boolean endStream, int maxFrameSize) {
        int first = Math.min(length, maxFrameSize);
        int flags = (endStream ? Http2Frames.FLAG_END_STREAM : 0) | (first == length ? Http2Frames.FLAG_END_HEADERS : 0);
        header(first, Http2Frames.HEADERS, flags, streamId);
        put(block, 0, first);
        for (int at = first; at < length; ) {
            int part = Math.min(length - at, maxFrameSize);
            header(part, Http2Frames.CONTINUATION, at + part == length ? Http2Frames.FLAG_END_HEADERS : 0, streamId);
            put(block, at, part);
            at += part;
        }
    }

    /** One DATA frame; the caller keeps it within the flow-control windows and the server's frame size. */
    void data(int streamId, byte[] body, int offset, int length, boolean endStream) {
        header(length, Http2Frames.DATA, endStream ? Http2Frames.FLAG_END_STREAM : 0, streamId);
        put(body, offset, length);
    }

    private void header(int length, int type, int flags, int streamId) {
        ensure(Http2Frames.HEADER_LENGTH + length);
        buffer[size++] = (byte) (length >>> 16);
        buffer[size++] = (byte) (length >>> 8);
        buffer[size++] = (byte) length;
        buffer[size++] = (byte) type;
        buffer[size++] = (byte) flags;
        int32(streamId);
    }

    private void put(byte[] bytes, int offset, int length) {
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    private void int32(int value) {
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(size + more, buffer.length * 2));
        }
    }
}
