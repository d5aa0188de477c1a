package dev.k6j.engine.httpclient;

import java.util.HashMap;
import java.util.Map;

/**
 * HPACK's header table (RFC 7541, section 2.3): the 61 static entries, then the dynamic entries, newest first, within
 * a size limit counted as the RFC counts it (name and value octets plus 32 per entry). The decoder and the encoder of
 * a connection each keep one, in step with the server's.
 *
 * <p>Threads: one owner at a time (the connection's reading thread for the decoder's, the writing one for the
 * encoder's).
 */
final class HpackTable {

    static final int STATIC_LENGTH = 61;

    /** RFC 7541, appendix A: index 1 is {@code :authority}. Values are empty where the RFC gives none. */
    private static final String[][] STATIC = {
        {":authority", ""}, {":method", "GET"}, {":method", "POST"}, {":path", "/"}, {":path", "/index.html"},
        {":scheme", "http"}, {":scheme", "https"}, {":status", "200"}, {":status", "204"}, {":status", "206"},
        {":status", "304"}, {":status", "400"}, {":status", "404"}, {":status", "500"}, {"accept-charset", ""},
        {"accept-encoding", "gzip, deflate"}, {"accept-language", ""}, {"accept-ranges", ""}, {"accept", ""},
        {"access-control-allow-origin", ""}, {"age", ""}, {"allow", ""}, {"authorization", ""},
        {"cache-control", ""}, {"content-disposition", ""}, {"content-encoding", ""}, {"content-language", ""},
        {"content-length", ""}, {"content-location", ""}, {"content-range", ""}, {"content-type", ""},
        {"cookie", ""}, {"date", ""}, {"etag", ""}, {"expect", ""}, {"expires", ""}, {"from", ""}, {"host", ""},
        {"if-match", ""}, {"if-modified-since", ""}, {"if-none-match", ""}, {"if-range", ""},
        {"if-unmodified-since", ""}, {"last-modified", ""}, {"link", ""}, {"location", ""}, {"max-forwards", ""},
        {"proxy-authenticate", ""}, {"proxy-authorization", ""}, {"range", ""}, {"referer", ""}, {"refresh", ""},
        {"retry-after", ""}, {"server", ""}, {"set-cookie", ""}, {"strict-transport-security", ""},
        {"transfer-encoding", ""}, {"user-agent", ""}, {"vary", ""}, {"via", ""}, {"www-authenticate", ""},
    };

    /** The first static index of each name (entries of one name are next to each other). */
    private static final Map<String, Integer> STATIC_NAMES = new HashMap<>();

    static {
        for (int i = STATIC.length - 1; i >= 0; i--) {
            STATIC_NAMES.put(STATIC[i][0], i + 1);
        }
    }

    private String[] names = new String[16];
    private String[] values = new String[16];
    private int[] sizes = new int[16];
    /** Slot of the newest dynamic entry in the ring. */
    private int newest = -1;
    private int count;
    private int size;
    private int maxSize;

    HpackTable(int maxSize) {
        this.maxSize = maxSize;
    }

    /** Static and dynamic entries together: valid indexes are 1 to this. */
    int length() {
        return STATIC_LENGTH + count;
    }

    int size() {
        return size;
    }

    int maxSize() {
        return maxSize;
    }

    String name(int index) {
        return index <= STATIC_LENGTH ? STATIC[index - 1][0] : names[slot(index)];
    }

    String value(int index) {
        return index <= STATIC_LENGTH ? STATIC[index - 1][1] : values[slot(index)];
    }

    private int slot(int index) {
        return Math.floorMod(newest - (index - STATIC_LENGTH - 1), names.length);
    }

    /** Adds an entry of {@code octets} name and value octets, evicting the oldest as needed (section 4.4). */
    void add(String name, String value, int octets) {
        int entrySize = octets + 32;
        if (entrySize > maxSize) {
            evictTo(0);
            return;
        }
        evictTo(maxSize - entrySize);
        if (count == names.length) {
            grow();
        }
        newest = (newest + 1) % names.length;
        names[newest] = name;
        values[newest] = value;
        sizes[newest] = entrySize;
        count++;
        size += entrySize;
    }

    /** A new size limit (a dynamic table size update, or the server's setting), evicting what no longer fits. */
    void maxSize(int maxSize) {
        this.maxSize = maxSize;
        evictTo(maxSize);
    }

    private void evictTo(int limit) {
        while (size > limit && count > 0) {
            int oldest = Math.floorMod(newest - (count - 1), names.length);
            size -= sizes[oldest];
            names[oldest] = null;
            values[oldest] = null;
            count--;
        }
    }

    private void grow() {
        int length = names.length;
        String[] newNames = new String[length * 2];
        String[] newValues = new String[length * 2];
        int[] newSizes = new int[length * 2];
        for (int i = 0; i < count; i++) {   // oldest first, so the newest ends at count - 1
            int from = Math.floorMod(newest - (count - 1) + i, length);
            newNames[i] = names[from];
            newValues[i] = values[from];
            newSizes[i] = sizes[from];
        }
        names = newNames;
        values = newValues;
        sizes = newSizes;
        newest = count - 1;
    }

    /** The index of an entry with this name and value, or 0. */
    int indexOf(String name, String value) {
        Integer first = STATIC_NAMES.get(name);
        if (first != null) {
            for (int i = first; i <= STATIC_LENGTH && STATIC[i - 1][0].equals(name); i++) {
                if (STATIC[i - 1][1].equals(value)) {
                    return i;
                }
            }
        }
        for (int i = 0; i < count; i++) {
            int slot = Math.floorMod(newest - i, names.length);
            if (names[slot].equals(name) && values[slot].equals(value)) {
                return STATIC_LENGTH + 1 + i;
            }
        }
        return 0;
    }

    /** The index of an entry with this name, or 0. */
    int indexOfName(String name) {
        Integer known = STATIC_NAMES.get(name);
        if (known != null) {
            return known;
        }
        for (int i = 0; i < count; i++) {
            if (names[Math.floorMod(newest - i, names.length)].equals(name)) {
                return STATIC_LENGTH + 1 + i;
            }
        }
        return 0;
    }
}
