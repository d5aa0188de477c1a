package dev.k6j.engine.httpclient;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Encodes the header blocks of the requests on one HTTP/2 connection (RFC 7541): the pseudo-header fields, then the
 * request's headers with lower-case names, without the headers HTTP/2 forbids (RFC 9113, section 8.2.2; {@code Host}
 * becomes {@code :authority}). A field already in the table is sent as its index; any other is added to the dynamic
 * table as it is sent, so a header that repeats from request to request costs a byte or two, as with Go's encoder.
 * Strings go out as plain octets (no Huffman coding), UTF-8 for text beyond ASCII.
 *
 * <p>Threads: one block at a time, in the order the blocks are written (under the connection's write lock).
 */
final class HpackEncoder {

    /** What the encoder's table may hold at most, whatever the server allows: the default size. */
    private static final int TABLE_LIMIT = 4096;
    private static final int NAME_CACHE_LIMIT = 256;

    private final HpackTable table = new HpackTable(TABLE_LIMIT);
    private final Map<String, String> lowerCaseNames = new HashMap<>();
    /** A table size the server set and the next block must announce (section 6.3), or -1. */
    private int pendingTableSize = -1;
    private byte[] buffer = new byte[512];
    private int size;

    /** The server's SETTINGS_HEADER_TABLE_SIZE: the table shrinks to it (or to our limit), told in the next block. */
    void serverTableSize(long serverSize) {
        int newSize = (int) Math.min(serverSize, TABLE_LIMIT);
        if (newSize != table.maxSize()) {
            pendingTableSize = newSize;
        }
    }

    /** Encodes a request's header block; read it from {@link #bytes()} and {@link #size()} until the next call. */
    void encode(WireRequest request, String scheme) {
        size = 0;
        if (pendingTableSize >= 0) {
            integer(0x20, 5, pendingTableSize);
            table.maxSize(pendingTableSize);
            pendingTableSize = -1;
        }
        Map<String, List<String>> headers = request.headers();
        List<String> host = headers.get("Host");
        field(":method", request.method());
        field(":scheme", scheme);
        field(":authority", host == null || host.isEmpty() ? "" : host.getFirst());
        field(":path", request.target());
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = lowerCase(header.getKey());
            if (forbidden(name)) {
                if (name.equals("te")) {
                    for (String value : header.getValue()) {
                        if (value.equalsIgnoreCase("trailers")) {
                            field("te", "trailers");
                        }
                    }
                }
                continue;
            }
            for (String value : header.getValue()) {
                field(name, value);
            }
        }
    }

    byte[] bytes() {
        return buffer;
    }

    int size() {
        return size;
    }

    /** Connection-specific headers, which HTTP/2 does not carry ({@code Host} goes as {@code :authority}). */
    private static boolean forbidden(String name) {
        return switch (name) {
            case "host", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te" -> true;
            default -> false;
        };
    }

    private String lowerCase(String name) {
        String known = lowerCaseNames.get(name);
        if (known != null) {
            return known;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lowerCaseNames.size() < NAME_CACHE_LIMIT) {
            lowerCaseNames.put(name, lower);
        }
        return lower;
    }

    private void field(String name, String value) {
        int index = table.indexOf(name, value);
        if (index > 0) {
            integer(0x80, 7, index);                   // indexed field (6.1)
            return;
        }
        int nameIndex = table.indexOfName(name);
        int octets = octets(name) + octets(value);
        if (octets + 32 <= table.maxSize()) {
            integer(0x40, 6, nameIndex);               // literal with incremental indexing (6.2.1)
            table.add(name, value, octets);
        } else {
            integer(0x00, 4, nameIndex);               // literal without indexing (6.2.2)
        }
        if (nameIndex == 0) {
            string(name);
        }
        string(value);
    }

    /** An integer with an N-bit prefix (5.1); {@code flags} are the bits above the prefix. */
    private void integer(int flags, int prefixBits, int value) {
        ensure(6);
        int max = (1 << prefixBits) - 1;
        if (value < max) {
            buffer[size++] = (byte) (flags | value);
            return;
        }
        buffer[size++] = (byte) (flags | max);
        int rest = value - max;
        while (rest >= 0x80) {
            buffer[size++] = (byte) ((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        buffer[size++] = (byte) rest;
    }

    /** A string literal without Huffman coding (5.2). */
    private void string(String text) {
        if (ascii(text)) {
            int length = text.length();
            integer(0x00, 7, length);
            ensure(length);
            for (int i = 0; i < length; i++) {
                buffer[size++] = (byte) text.charAt(i);
            }
        } else {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            integer(0x00, 7, bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }
    }

    private static int octets(String text) {
        return ascii(text) ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(size + more, buffer.length * 2));
        }
    }
}
