package dev.k6j.engine.httpclient;

import java.nio.charset.StandardCharsets;

/**
 * Decodes HPACK header blocks (RFC 7541) of the responses on one HTTP/2 connection: indexed fields, literals with
 * and without indexing, Huffman-coded strings and dynamic table size updates. Header bytes become ISO-8859-1 text,
 * one char per octet, as the HTTP/1.1 reader keeps them.
 *
 * <p>Threads: one block at a time, in the order the server sent them (the connection's reading thread).
 */
final class HpackDecoder {

    /** Receives the fields of a block, in order. */
    interface FieldSink {
        void field(String name, String value);
    }

    /** The table size we allow the server (SETTINGS_HEADER_TABLE_SIZE): the default, which k6j never changes. */
    static final int MAX_TABLE_SIZE = 4096;

    private final HpackTable table;
    private final int maxTableSize;
    private byte[] block;
    private int at;
    private int end;

    HpackDecoder() {
        this(MAX_TABLE_SIZE);
    }

    /** A decoder for a table limit other than k6j's (the RFC's examples use 256 bytes). */
    HpackDecoder(int maxTableSize) {
        this.maxTableSize = maxTableSize;
        this.table = new HpackTable(maxTableSize);
    }

    /**
     * Decodes one whole header block.
     *
     * @throws Http2ProtocolException (COMPRESSION_ERROR) for a block that breaks the RFC
     */
    void decode(byte[] bytes, int offset, int length, FieldSink sink) throws Http2ProtocolException {
        block = bytes;
        at = offset;
        end = offset + length;
        boolean fieldSeen = false;
        while (at < end) {
            int b = block[at] & 0xff;
            if ((b & 0x80) != 0) {                      // indexed field (6.1)
                int index = integer(7);
                sink.field(name(index), table.value(index));
                fieldSeen = true;
            } else if ((b & 0x40) != 0) {               // literal with incremental indexing (6.2.1)
                int index = integer(6);
                String name = index == 0 ? string() : name(index);
                String value = string();
                table.add(name, value, name.length() + value.length());
                sink.field(name, value);
                fieldSeen = true;
            } else if ((b & 0x20) != 0) {               // dynamic table size update (6.3)
                if (fieldSeen) {
                    throw error("a table size update after a field");
                }
                int size = integer(5);
                if (size > maxTableSize) {
                    throw error("a table size update beyond the limit");
                }
                table.maxSize(size);
            } else {                                    // literal without indexing or never indexed (6.2.2, 6.2.3)
                int index = integer(4);
                String name = index == 0 ? string() : name(index);
                sink.field(name, string());
                fieldSeen = true;
            }
        }
        block = null;
    }

    private String name(int index) throws Http2ProtocolException {
        if (index <= 0 || index > table.length()) {
            throw error("index " + index + " outside the table");
        }
        return table.name(index);
    }

    /** An integer with an N-bit prefix (5.1), starting at the current byte. */
    private int integer(int prefixBits) throws Http2ProtocolException {
        int max = (1 << prefixBits) - 1;
        int value = block[at++] & max;
        if (value < max) {
            return value;
        }
        int shift = 0;
        while (true) {
            if (at >= end) {
                throw error("a truncated integer");
            }
            int b = block[at++] & 0xff;
            if (shift > 21) {
                throw error("an integer too large");
            }
            value += (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    /** A string literal (5.2): a Huffman flag, a 7-bit-prefix length, the octets. */
    private String string() throws Http2ProtocolException {
        if (at >= end) {
            throw error("a missing string");
        }
        boolean huffman = (block[at] & 0x80) != 0;
        int length = integer(7);
        if (length > end - at) {
            throw error("a truncated string");
        }
        String text = huffman ? HpackHuffman.decode(block, at, length) : latin1(at, length);
        at += length;
        return text;
    }

    private String latin1(int offset, int length) {
        return new String(block, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static Http2ProtocolException error(String what) {
        return new Http2ProtocolException(Http2ErrorCodes.COMPRESSION_ERROR, "hpack: " + what);
    }
}
