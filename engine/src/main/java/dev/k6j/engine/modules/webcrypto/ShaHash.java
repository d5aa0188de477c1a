package dev.k6j.engine.modules.webcrypto;

import java.util.Locale;

/** The SHA family WebCrypto uses for digests, HMAC, signatures, OAEP and PBKDF2. */
enum ShaHash {
    SHA1("SHA-1", "SHA-1", "HmacSHA1", 160, 512, "1"),
    SHA256("SHA-256", "SHA-256", "HmacSHA256", 256, 512, "256"),
    SHA384("SHA-384", "SHA-384", "HmacSHA384", 384, 1024, "384"),
    SHA512("SHA-512", "SHA-512", "HmacSHA512", 512, 1024, "512");

    final String webName;
    final String jdkDigest;
    final String jdkMac;
    final int bits;
    final int blockBits;
    /** The suffix of JWK algorithm names: HS256, PS256, RSA-OAEP-256 (SHA-1: HS1, PS1, RSA-OAEP). */
    final String jwkSuffix;

    ShaHash(String webName, String jdkDigest, String jdkMac, int bits, int blockBits, String jwkSuffix) {
        this.webName = webName;
        this.jdkDigest = jdkDigest;
        this.jdkMac = jdkMac;
        this.bits = bits;
        this.blockBits = blockBits;
        this.jwkSuffix = jwkSuffix;
    }

    /** The hash WebCrypto names {@code name}, in any letter case. */
    static ShaHash byName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (ShaHash hash : values()) {
            if (hash.webName.equals(upper)) {
                return hash;
            }
        }
        throw CryptoFailure.notSupported("unsupported hash algorithm '" + name
                + "', accepted values are: SHA-1, SHA-256, SHA-384, and SHA-512");
    }

    /** The hash of an HMAC or RSA key, from its algorithm dictionary. */
    static ShaHash of(CryptoKeyHandle key) {
        if (key.algorithm().get("hash") instanceof java.util.Map<?, ?> hash && hash.get("name") instanceof String name) {
            return byName(name);
        }
        throw CryptoFailure.invalidAccess("the key has no hash algorithm");
    }

    /** The JDK's name of "this hash with RSA" or "with ECDSA", e.g. {@code SHA256}. */
    String jdkShort() {
        return webName.replace("-", "");
    }
}
