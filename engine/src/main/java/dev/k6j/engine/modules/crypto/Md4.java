package dev.k6j.engine.modules.crypto;

/**
 * MD4 (RFC 1320), which the JDK does not offer through its providers. Kept only because k6/crypto offers it;
 * MD4 is broken and must not protect anything.
 */
final class Md4 extends LittleEndianDigest {

    private static final int[] ROUND2_ORDER = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
    private static final int[] ROUND3_ORDER = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
    private static final int[][] SHIFTS = {{3, 7, 11, 19}, {3, 5, 9, 13}, {3, 9, 11, 15}};

    private int[] h = new int[4];

    Md4() {
        super("MD4");
        resetState();
    }

    @Override
    protected void resetState() {
        h = new int[] {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    }

    @Override
    protected int[] state() {
        return h;
    }

    @Override
    protected void compress(int[] x) {
        int[] v = h.clone();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 16; i++) {
                int a = v[(16 - i) % 4];
                int b = v[(17 - i) % 4];
                int c = v[(18 - i) % 4];
                int d = v[(19 - i) % 4];
                int sum = switch (round) {
                    case 0 -> a + ((b & c) | (~b & d)) + x[i];
                    case 1 -> a + ((b & c) | (b & d) | (c & d)) + x[ROUND2_ORDER[i]] + 0x5a827999;
                    default -> a + (b ^ c ^ d) + x[ROUND3_ORDER[i]] + 0x6ed9eba1;
                };
                v[(16 - i) % 4] = Integer.rotateLeft(sum, SHIFTS[round][i % 4]);
            }
        }
        for (int i = 0; i < 4; i++) {
            h[i] += v[i];
        }
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        Md4 copy = (Md4) super.clone();
        copy.h = h.clone();
        return copy;
    }
}
