package dev.k6j.engine.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the tar format for k6 archives: reading USTAR, PAX ({@code x}/{@code g}) and GNU long-name
 * ({@code L}) entries as Go's {@code archive/tar} writes them, and writing USTAR (with a PAX header when a name is
 * too long), which Go reads. Stateless.
 */
final class Tar {

    static final int BLOCK = 512;
    static final char REGULAR = '0';
    static final char LINK = '1';
    static final char DIRECTORY = '5';

    /** One entry: its name, type flag, modification time (seconds), link target and content. */
    record Entry(String name, char type, long modTime, String linkName, byte[] data) {
    }

    private Tar() {
    }

    /** Whether the bytes start with a tar header, as k6's test-type detection asks Go's reader. */
    static boolean looksLikeTar(byte[] head) {
        if (head.length < BLOCK) {
            return false;
        }
        long stored = octal(head, 148, 8);
        if (stored < 0) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : head[i] & 0xff;
        }
        return sum == stored;
    }

    /** Every entry of a tar, in order; PAX and GNU long names applied. */
    static List<Entry> read(byte[] tar) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> globalPax = new HashMap<>();
        Map<String, String> pax = new HashMap<>();
        String longName = null;
        String longLink = null;
        int offset = 0;
        while (offset + BLOCK <= tar.length) {
            if (isZero(tar, offset)) {
                break;
            }
            if (!looksLikeTar(Arrays.copyOfRange(tar, offset, offset + BLOCK))) {
                throw new IOException("not a tar archive: bad header checksum at byte " + offset);
            }
            String name = string(tar, offset, 100);
            String prefix = isUstar(tar, offset) ? string(tar, offset + 345, 155) : "";
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = octal(tar, offset + 124, 12);
            long modTime = octal(tar, offset + 136, 12);
            char type = (char) (tar[offset + 156] == 0 ? '0' : tar[offset + 156]);
            String linkName = string(tar, offset + 157, 100);
            int dataStart = offset + BLOCK;
            if (size < 0 || dataStart + size > tar.length) {
                throw new IOException("not a tar archive: entry '" + name + "' is cut short");
            }
            byte[] data = Arrays.copyOfRange(tar, dataStart, dataStart + (int) size);
            offset = dataStart + (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
            switch (type) {
                case 'x' -> pax.putAll(paxRecords(data));
                case 'g' -> globalPax.putAll(paxRecords(data));
                case 'L' -> longName = cString(data);
                case 'K' -> longLink = cString(data);
                default -> {
                    Map<String, String> headers = new HashMap<>(globalPax);
                    headers.putAll(pax);
                    if (headers.containsKey("path")) {
                        name = headers.get("path");
                    } else if (longName != null) {
                        name = longName;
                    }
                    if (headers.containsKey("linkpath")) {
                        linkName = headers.get("linkpath");
                    } else if (longLink != null) {
                        linkName = longLink;
                    }
                    entries.add(new Entry(name, type == '7' ? REGULAR : type, modTime, linkName, data));
                    pax.clear();
                    longName = null;
                    longLink = null;
                }
            }
        }
        return entries;
    }

    /** Writes entries and the two zero blocks that end a tar. */
    static void write(List<Entry> entries, OutputStream out) throws IOException {
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            if (name.length > 100 || !isAscii(entry.name())) {
                byte[] record = paxRecord("path", entry.name());
                out.write(header("././@PaxHeader", 'x', record.length, entry.modTime(), ""));
                out.write(record);
                pad(out, record.length);
            }
            out.write(header(entry.name(), entry.type(), entry.data().length, entry.modTime(), entry.linkName()));
            out.write(entry.data());
            pad(out, entry.data().length);
        }
        out.write(new byte[BLOCK * 2]);
    }

    private static byte[] header(String name, char type, long size, long modTime, String linkName) {
        byte[] block = new byte[BLOCK];
        put(block, 0, 100, truncate(name, 100));
        put(block, 100, 8, octalField(type == DIRECTORY ? 0755 : 0644, 8));
        put(block, 108, 8, octalField(0, 8));
        put(block, 116, 8, octalField(0, 8));
        put(block, 124, 12, octalField(size, 12));
        put(block, 136, 12, octalField(modTime, 12));
        block[156] = (byte) type;
        put(block, 157, 100, truncate(linkName == null ? "" : linkName, 100));
        put(block, 257, 6, "ustar\0");
        put(block, 263, 2, "00");
        for (int i = 148; i < 156; i++) {
            block[i] = ' ';
        }
        long sum = 0;
        for (byte b : block) {
            sum += b & 0xff;
        }
        put(block, 148, 8, String.format("%06o", sum) + "\0 ");
        return block;
    }

    private static String truncate(String text, int bytes) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        return raw.length <= bytes ? text : new String(raw, 0, bytes, StandardCharsets.ISO_8859_1);
    }

    private static String octalField(long value, int width) {
        String digits = Long.toOctalString(value);
        return "0".repeat(Math.max(0, width - 1 - digits.length())) + digits + "\0";
    }

    private static void put(byte[] block, int offset, int length, String text) {
        byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(raw, 0, block, offset, Math.min(length, raw.length));
    }

    private static void pad(OutputStream out, int length) throws IOException {
        int rest = length % BLOCK;
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    private static byte[] paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int bodyLength = body.getBytes(StandardCharsets.UTF_8).length;
        int length = bodyLength + 1;
        while (String.valueOf(length).length() + bodyLength != length) {
            length = String.valueOf(length).length() + bodyLength;
        }
        return (length + body).getBytes(StandardCharsets.UTF_8);
    }

    /** PAX records: "LENGTH key=value\n", LENGTH counting the whole record in bytes. */
    private static Map<String, String> paxRecords(byte[] data) throws IOException {
        Map<String, String> records = new HashMap<>();
        int at = 0;
        while (at < data.length) {
            int space = at;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("not a tar archive: bad PAX record", e);
            }
            if (length <= space - at || at + length > data.length) {
                throw new IOException("not a tar archive: bad PAX record length");
            }
            String record = new String(data, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                records.put(record.substring(0, eq), record.substring(eq + 1));
            }
            at += length;
        }
        return records;
    }

    private static boolean isUstar(byte[] tar, int offset) {
        return tar[offset + 257] == 'u' && tar[offset + 258] == 's' && tar[offset + 259] == 't'
                && tar[offset + 260] == 'a' && tar[offset + 261] == 'r' && tar[offset + 262] == 0;
    }

    private static boolean isZero(byte[] tar, int offset) {
        for (int i = offset; i < offset + BLOCK; i++) {
            if (tar[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }

    private static String string(byte[] tar, int offset, int length) {
        int end = offset;
        while (end < offset + length && tar[end] != 0) {
            end++;
        }
        return new String(tar, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String cString(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    /** An octal number field (NUL/space padded), or -1 when it is not one; base-256 sizes are read too. */
    private static long octal(byte[] tar, int offset, int length) {
        if ((tar[offset] & 0x80) != 0) {
            long value = tar[offset] & 0x7f;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (tar[i] & 0xff);
            }
            return value;
        }
        long value = 0;
        boolean digits = false;
        for (int i = offset; i < offset + length; i++) {
            byte b = tar[i];
            if (b == 0 || b == ' ') {
                if (digits) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7') {
                return -1;
            }
            value = value * 8 + (b - '0');
            digits = true;
        }
        return value;
    }
}
