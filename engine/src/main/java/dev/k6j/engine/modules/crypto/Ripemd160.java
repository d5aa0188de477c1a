package dev.k6j.engine.modules.crypto;

/**
 * RIPEMD-160 (Dobbertin, Bosselaers, Preneel, 1996), which the JDK does not offer. Two parallel lines of five
 * rounds each over the same block, combined at the end.
 */
final class Ripemd160 extends LittleEndianDigest {

    private static final int[] LEFT_WORD = {
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
        3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12,
        1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
        4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13};
    private static final int[] RIGHT_WORD = {
        5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12,
        6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
        15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13,
        8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
        12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11};
    private static final int[] LEFT_SHIFT = {
        11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8,
        7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
        11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5,
        11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
        9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6};
    private static final int[] RIGHT_SHIFT = {
        8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6,
        9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
        9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5,
        15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
        8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11};
    private static final int[] LEFT_K = {0x00000000, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xa953fd4e};
    private static final int[] RIGHT_K = {0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0x00000000};

    private int[] h = new int[5];

    Ripemd160() {
        super("RIPEMD160");
        resetState();
    }

    @Override
    protected void resetState() {
        h = new int[] {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    }

    @Override
    protected int[] state() {
        return h;
    }

    @Override
    protected void compress(int[] x) {
        int al = h[0], bl = h[1], cl = h[2], dl = h[3], el = h[4];
        int ar = al, br = bl, cr = cl, dr = dl, er = el;
        for (int j = 0; j < 80; j++) {
            int round = j / 16;
            int t = Integer.rotateLeft(al + f(round, bl, cl, dl) + x[LEFT_WORD[j]] + LEFT_K[round], LEFT_SHIFT[j]) + el;
            al = el;
            el = dl;
            dl = Integer.rotateLeft(cl, 10);
            cl = bl;
            bl = t;
            t = Integer.rotateLeft(ar + f(4 - round, br, cr, dr) + x[RIGHT_WORD[j]] + RIGHT_K[round], RIGHT_SHIFT[j]) + er;
            ar = er;
            er = dr;
            dr = Integer.rotateLeft(cr, 10);
            cr = br;
            br = t;
        }
        int t = h[1] + cl + dr;
        h[1] = h[2] + dl + er;
        h[2] = h[3] + el + ar;
        h[3] = h[4] + al + br;
        h[4] = h[0] + bl + cr;
        h[0] = t;
    }

    private static int f(int round, int x, int y, int z) {
        return switch (round) {
            case 0 -> x ^ y ^ z;
            case 1 -> (x & y) | (~x & z);
            case 2 -> (x | ~y) ^ z;
            case 3 -> (x & z) | (y & ~z);
            default -> x ^ (y | ~z);
        };
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        Ripemd160 copy = (Ripemd160) super.clone();
        copy.h = h.clone();
        return copy;
    }
}
