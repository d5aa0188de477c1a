package dev.k6j.engine.modules.webcrypto;

import java.util.Arrays;

/** deriveBits' length rule: the first {@code length} bits, the unused low bits of the last byte cleared. */
final class Bits {

    private Bits() {
    }

    static byte[] first(byte[] bits, int lengthBits) {
        if (lengthBits > bits.length * 8) {
            throw CryptoFailure.operation("length " + lengthBits + " is more than the " + bits.length * 8
                    + " bits the algorithm gives");
        }
        byte[] out = Arrays.copyOf(bits, (lengthBits + 7) / 8);
        if (lengthBits % 8 != 0) {
            out[out.length - 1] &= (byte) (0xff << (8 - lengthBits % 8));
        }
        return out;
    }
}
