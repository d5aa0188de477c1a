package dev.k6j.engine.modules.crypto;

import java.security.MessageDigest;

/**
 * The shared frame of MD4 and RIPEMD-160: 64-byte blocks of sixteen little-endian words, MD-style padding
 * (a 1 bit, zeros, the message length in bits as a little-endian 64-bit number) and a little-endian state as
 * the result. Subclasses hold the state and compress one block. Not thread-safe, like every {@link MessageDigest}.
 */
abstract class LittleEndianDigest extends MessageDigest implements Cloneable {

    private byte[] buffer = new byte[64];
    private int buffered;
    private long length;
    private int[] words = new int[16];

    protected LittleEndianDigest(String algorithm) {
        super(algorithm);
    }

    /** Sets the initial chaining values. */
    protected abstract void resetState();

    /** Mixes one block of sixteen words into the state. */
    protected abstract void compress(int[] x);

    /** The chaining values, in output order. */
    protected abstract int[] state();

    @Override
    protected final void engineUpdate(byte input) {
        buffer[buffered++] = input;
        length++;
        if (buffered == 64) {
            block();
        }
    }

    @Override
    protected final void engineUpdate(byte[] input, int offset, int len) {
        for (int i = 0; i < len; i++) {
            engineUpdate(input[offset + i]);
        }
    }

    @Override
    protected final byte[] engineDigest() {
        long bits = length * 8;
        engineUpdate((byte) 0x80);
        while (buffered != 56) {
            engineUpdate((byte) 0);
        }
        for (int i = 0; i < 8; i++) {
            engineUpdate((byte) (bits >>> (8 * i)));
        }
        int[] state = state();
        byte[] out = new byte[state.length * 4];
        for (int i = 0; i < state.length; i++) {
            for (int b = 0; b < 4; b++) {
                out[4 * i + b] = (byte) (state[i] >>> (8 * b));
            }
        }
        engineReset();
        return out;
    }

    @Override
    protected final void engineReset() {
        buffered = 0;
        length = 0;
        resetState();
    }

    @Override
    protected final int engineGetDigestLength() {
        return state().length * 4;
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        LittleEndianDigest copy = (LittleEndianDigest) super.clone();
        copy.buffer = buffer.clone();
        copy.words = new int[16];
        return copy;
    }

    private void block() {
        for (int i = 0; i < 16; i++) {
            words[i] = (buffer[4 * i] & 0xff) | (buffer[4 * i + 1] & 0xff) << 8
                    | (buffer[4 * i + 2] & 0xff) << 16 | (buffer[4 * i + 3] & 0xff) << 24;
        }
        compress(words);
        buffered = 0;
    }
}
