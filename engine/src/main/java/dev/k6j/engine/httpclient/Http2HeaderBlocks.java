package dev.k6j.engine.httpclient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Gathers the header blocks the server sends (a HEADERS frame and its CONTINUATION frames) and decodes each whole
 * block with the connection's HPACK decoder: the response's {@code :status}, its fields in order, and whether the
 * stream ends with it. Every block is decoded, even one for a stream k6j no longer waits for, so that the decoder's
 * table stays in step with the server's.
 *
 * <p>Threads: the connection's reading thread, one frame at a time.
 */
final class Http2HeaderBlocks implements HpackDecoder.FieldSink {

    /**
     * A decoded block. {@code fields} holds the regular fields (no pseudo-header), names in lower case;
     * {@code tooLarge}: the fields went beyond {@link #MAX_HEADER_LIST_SIZE} and the rest were dropped.
     */
    record Block(int streamId, int status, List<Map.Entry<String, String>> fields, boolean endStream,
                 boolean tooLarge) {
    }

    /**
     * The header list size k6j announces (SETTINGS_MAX_HEADER_LIST_SIZE) and holds responses to, counted as RFC 9113
     * counts it (name and value octets plus 32 per field): Go's transport's default, 10 MB.
     */
    static final int MAX_HEADER_LIST_SIZE = 10 << 20;
    /**
     * The most a block may take compressed before it is decoded. Huffman codes run to 30 bits an octet, so a block
     * within the list size may be up to 3.75 times as long; beyond this it is a flood, and the connection goes.
     */
    private static final int MAX_BLOCK_BYTES = 4 * MAX_HEADER_LIST_SIZE;

    private final HpackDecoder decoder = new HpackDecoder();
    private byte[] fragments = new byte[1024];
    private int size;
    private int streamId;
    private boolean endStream;
    private boolean open;
    private List<Map.Entry<String, String>> fields;
    private int status;
    private long listSize;

    /** Whether a block has begun and waits for CONTINUATION frames. */
    boolean open() {
        return open;
    }

    /**
     * Takes a HEADERS or CONTINUATION frame.
     *
     * @return the decoded block when this frame ended it, else {@code null}
     * @throws Http2ProtocolException for a frame out of place, bad padding, or a block HPACK cannot decode
     */
    Block take(Http2FrameReader frame) throws Http2ProtocolException {
        byte[] bytes = frame.buffer();
        int offset = frame.payloadOffset();
        int length = frame.length();
        if (frame.type() == Http2Frames.HEADERS) {
            if (open || frame.streamId() == 0) {
                throw protocolError("HEADERS out of place");
            }
            int end = offset + length;
            if (frame.flag(Http2Frames.FLAG_PADDED)) {
                if (length < 1) {
                    throw protocolError("HEADERS padding beyond the frame");
                }
                end -= bytes[offset] & 0xff;
                offset++;
            }
            if (frame.flag(Http2Frames.FLAG_PRIORITY)) {
                offset += 5;
            }
            if (end < offset) {
                throw protocolError("HEADERS padding beyond the frame");
            }
            length = end - offset;
            streamId = frame.streamId();
            endStream = frame.flag(Http2Frames.FLAG_END_STREAM);
            size = 0;
            open = true;
        } else if (!open || frame.streamId() != streamId) {
            throw protocolError("CONTINUATION out of place");
        }
        if (!frame.flag(Http2Frames.FLAG_END_HEADERS)) {
            append(bytes, offset, length);
            return null;
        }
        open = false;
        if (size == 0) {
            return decode(bytes, offset, length);   // the whole block in one frame: decoded in place
        }
        append(bytes, offset, length);
        return decode(fragments, 0, size);
    }

    private Block decode(byte[] block, int offset, int length) throws Http2ProtocolException {
        fields = new ArrayList<>(12);
        status = 0;
        listSize = 0;
        decoder.decode(block, offset, length, this);
        Block decoded = new Block(streamId, status, fields, endStream, listSize > MAX_HEADER_LIST_SIZE);
        fields = null;
        return decoded;
    }

    @Override
    public void field(String name, String value) {
        listSize += name.length() + value.length() + 32;   // one char per octet
        if (listSize > MAX_HEADER_LIST_SIZE) {
            return;   // the block is still decoded to the end, for the table's sake
        }
        if (!name.startsWith(":")) {
            fields.add(Map.entry(name, value));
        } else if (name.equals(":status")) {
            status = parseStatus(value);
        }
    }

    /** A three-digit status, or -1. */
    private static int parseStatus(String value) {
        if (value.length() != 3) {
            return -1;
        }
        int status = 0;
        for (int i = 0; i < 3; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            status = status * 10 + (c - '0');
        }
        return status;
    }

    private void append(byte[] bytes, int offset, int length) throws Http2ProtocolException {
        if (size + length > MAX_BLOCK_BYTES) {
            throw new Http2ProtocolException(Http2ErrorCodes.ENHANCE_YOUR_CALM, "a header block beyond "
                    + MAX_BLOCK_BYTES + " bytes");
        }
        if (size + length > fragments.length) {
            fragments = Arrays.copyOf(fragments, Math.max(size + length, fragments.length * 2));
        }
        System.arraycopy(bytes, offset, fragments, size, length);
        size += length;
    }

    private static Http2ProtocolException protocolError(String what) {
        return new Http2ProtocolException(Http2ErrorCodes.PROTOCOL_ERROR, what);
    }
}
