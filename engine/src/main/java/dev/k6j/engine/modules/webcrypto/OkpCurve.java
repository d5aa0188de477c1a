package dev.k6j.engine.modules.webcrypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Curve25519's two uses and the conversions between their 32-byte raw keys (what raw and JWK formats carry) and the
 * JDK's keys. The DER wrappers of RFC 8410 are fixed byte strings for these curves, so they are written out here.
 */
enum OkpCurve {
    ED25519("Ed25519", "Ed25519", "302a300506032b6570032100", "302e020100300506032b657004220420"),
    X25519("X25519", "X25519", "302a300506032b656e032100", "302e020100300506032b656e04220420");

    private static final int KEY_BYTES = 32;

    final String webName;
    final String jdkName;
    private final byte[] spkiPrefix;
    private final byte[] pkcs8Prefix;

    OkpCurve(String webName, String jdkName, String spkiPrefix, String pkcs8Prefix) {
        this.webName = webName;
        this.jdkName = jdkName;
        this.spkiPrefix = HexFormat.of().parseHex(spkiPrefix);
        this.pkcs8Prefix = HexFormat.of().parseHex(pkcs8Prefix);
    }

    /** The public key whose raw form is {@code raw}; DataError unless it is one. */
    PublicKey publicKey(byte[] raw) {
        checkLength(raw, "public");
        try {
            return KeyFactory.getInstance(jdkName).generatePublic(new X509EncodedKeySpec(concat(spkiPrefix, raw)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw CryptoFailure.data("invalid " + webName + " public key: " + e.getMessage());
        }
    }

    /** The key pair of the private key {@code raw} (the JDK generates it again from those bytes as its randomness). */
    KeyPair keyPair(byte[] raw) {
        checkLength(raw, "private");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jdkName);
            generator.initialize(new NamedParameterSpec(jdkName), new FixedBytes(raw));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.data("invalid " + webName + " private key: " + e.getMessage());
        }
    }

    byte[] rawPublic(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != spkiPrefix.length + KEY_BYTES
                || !Arrays.equals(spki, 0, spkiPrefix.length, spkiPrefix, 0, spkiPrefix.length)) {
            throw new IllegalArgumentException("not an " + webName + " public key");
        }
        return Arrays.copyOfRange(spki, spkiPrefix.length, spki.length);
    }

    byte[] rawPrivate(PrivateKey key) {
        byte[] raw = switch (key) {
            case EdECPrivateKey ed when this == ED25519 -> ed.getBytes().orElse(null);
            case XECPrivateKey xec when this == X25519 -> xec.getScalar().orElse(null);
            default -> null;
        };
        if (raw == null || raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("not an " + webName + " private key");
        }
        return raw;
    }

    /** RFC 8410's PKCS#8 form (version 0, no public key) of the private key {@code raw}. */
    byte[] pkcs8(byte[] raw) {
        return concat(pkcs8Prefix, raw);
    }

    private void checkLength(byte[] raw, String kind) {
        if (raw.length != KEY_BYTES) {
            throw CryptoFailure.data(webName + " " + kind + " keys are 32 bytes, not " + raw.length);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Randomness that is a given private key, so that the JDK's generator rebuilds that key and its public half. */
    private static final class FixedBytes extends SecureRandom {
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("asked for " + out.length + " bytes, have " + bytes.length);
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
