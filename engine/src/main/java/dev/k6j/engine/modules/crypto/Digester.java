package dev.k6j.engine.modules.crypto;

import java.security.MessageDigest;

/**
 * A running hash or HMAC that can be read at any point and then fed further, as Go's {@code hash.Hash.Sum} allows
 * and k6's Hasher relies on. Not thread-safe.
 */
public abstract sealed class Digester permits Digester.Plain, Digester.Hmac {

    /** A plain hash of {@code algorithm}. */
    public static Digester hash(HashAlgorithm algorithm) {
        return new Plain(algorithm.newDigest());
    }

    /** An HMAC (RFC 2104) over {@code algorithm} with {@code key}; any digest works, MD4 and RIPEMD-160 too. */
    public static Digester hmac(HashAlgorithm algorithm, byte[] key) {
        return new Hmac(algorithm, key);
    }

    /** Adds data. */
    public abstract void update(byte[] data);

    /** The digest of everything added so far; adding more afterwards goes on from there. */
    public abstract byte[] sum();

    static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(digest.getAlgorithm() + " cannot be copied", e);
        }
    }

    static final class Plain extends Digester {
        private final MessageDigest digest;

        Plain(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void update(byte[] data) {
            digest.update(data);
        }

        @Override
        public byte[] sum() {
            return copy(digest).digest();
        }
    }

    static final class Hmac extends Digester {
        private final HashAlgorithm algorithm;
        private final MessageDigest inner;
        private final byte[] outerPad;

        Hmac(HashAlgorithm algorithm, byte[] key) {
            this.algorithm = algorithm;
            int block = algorithm.blockSize();
            byte[] k = key.length > block ? algorithm.newDigest().digest(key) : key;
            byte[] innerPad = new byte[block];
            outerPad = new byte[block];
            for (int i = 0; i < block; i++) {
                byte b = i < k.length ? k[i] : 0;
                innerPad[i] = (byte) (b ^ 0x36);
                outerPad[i] = (byte) (b ^ 0x5c);
            }
            inner = algorithm.newDigest();
            inner.update(innerPad);
        }

        @Override
        public void update(byte[] data) {
            inner.update(data);
        }

        @Override
        public byte[] sum() {
            MessageDigest outer = algorithm.newDigest();
            outer.update(outerPad);
            outer.update(copy(inner).digest());
            return outer.digest();
        }
    }
}
