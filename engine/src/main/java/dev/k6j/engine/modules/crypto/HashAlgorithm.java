package dev.k6j.engine.modules.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The hash functions of k6/crypto, by k6's names. MD4 and RIPEMD-160 are this package's own (the JDK has neither);
 * the others come from the JDK's providers.
 */
public enum HashAlgorithm {
    MD4("md4", 64, Md4::new),
    MD5("md5", 64, jdk("MD5")),
    SHA1("sha1", 64, jdk("SHA-1")),
    SHA256("sha256", 64, jdk("SHA-256")),
    SHA384("sha384", 128, jdk("SHA-384")),
    SHA512("sha512", 128, jdk("SHA-512")),
    SHA512_224("sha512_224", 128, jdk("SHA-512/224")),
    SHA512_256("sha512_256", 128, jdk("SHA-512/256")),
    RIPEMD160("ripemd160", 64, Ripemd160::new);

    private final String k6Name;
    private final int blockSize;
    private final Supplier<MessageDigest> factory;

    HashAlgorithm(String k6Name, int blockSize, Supplier<MessageDigest> factory) {
        this.k6Name = k6Name;
        this.blockSize = blockSize;
        this.factory = factory;
    }

    /** The algorithm k6 calls {@code name} ({@code "sha256"}), if there is one. */
    public static Optional<HashAlgorithm> byName(String name) {
        return Arrays.stream(values()).filter(a -> a.k6Name.equals(name)).findFirst();
    }

    /** k6's name of the algorithm. */
    public String k6Name() {
        return k6Name;
    }

    /** The input block size in bytes, which HMAC needs. */
    public int blockSize() {
        return blockSize;
    }

    /** A new digest of this algorithm. */
    public MessageDigest newDigest() {
        return factory.get();
    }

    private static Supplier<MessageDigest> jdk(String name) {
        return () -> {
            try {
                return MessageDigest.getInstance(name);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks " + name, e);
            }
        };
    }
}
