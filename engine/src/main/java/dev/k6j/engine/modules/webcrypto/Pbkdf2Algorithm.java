package dev.k6j.engine.modules.webcrypto;

import dev.k6j.engine.modules.crypto.Digester;
import dev.k6j.engine.modules.crypto.HashAlgorithm;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 (RFC 8018) with HMAC-SHA: a password imported as a raw, non-extractable key, then deriveBits/deriveKey.
 * Written over {@link Mac} rather than the JDK's PBEKeySpec, which takes passwords as chars, not bytes.
 */
final class Pbkdf2Algorithm extends KeyDerivationAlgorithm {

    Pbkdf2Algorithm() {
        super("PBKDF2");
    }

    @Override
    public byte[] deriveBits(AlgorithmParams params, CryptoKeyHandle key, Integer lengthBits) {
        ShaHash hash = params.hash();
        byte[] salt = params.bytes("salt");
        long iterations = params.integer("iterations");
        if (iterations <= 0) {
            throw CryptoFailure.operation("iterations must be greater than 0");
        }
        if (lengthBits == null || lengthBits % 8 != 0) {
            throw CryptoFailure.operation("PBKDF2 needs a length that is a multiple of 8");
        }
        return derive(hash, key.secret(), salt, (int) iterations, lengthBits / 8);
    }

    static byte[] derive(ShaHash hash, byte[] password, byte[] salt, int iterations, int length) {
        Prf prf = prf(hash, password);
        int hashLength = hash.bits / 8;
        byte[] out = new byte[length];
        for (int block = 1, offset = 0; offset < length; block++, offset += hashLength) {
            byte[] u = prf.apply(salt, new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8),
                (byte) block});
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = prf.apply(u, null);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            System.arraycopy(t, 0, out, offset, Math.min(hashLength, length - offset));
        }
        return out;
    }

    /** HMAC(password, a ‖ b). */
    private interface Prf {
        byte[] apply(byte[] a, byte[] b);
    }

    private static Prf prf(ShaHash hash, byte[] password) {
        if (password.length == 0) {
            // The JDK's Mac refuses empty keys, which RFC 2104 and PBKDF2 allow.
            HashAlgorithm algorithm = HashAlgorithm.byName(hash.jdkShort().toLowerCase(java.util.Locale.ROOT))
                    .orElseThrow();
            return (a, b) -> {
                Digester hmac = Digester.hmac(algorithm, password);
                hmac.update(a);
                if (b != null) {
                    hmac.update(b);
                }
                return hmac.sum();
            };
        }
        try {
            Mac mac = Mac.getInstance(hash.jdkMac);
            mac.init(new SecretKeySpec(password, hash.jdkMac));
            return (a, b) -> {
                mac.update(a);
                if (b != null) {
                    mac.update(b);
                }
                return mac.doFinal();
            };
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation("PBKDF2 failed: " + e.getMessage());
        }
    }
}
