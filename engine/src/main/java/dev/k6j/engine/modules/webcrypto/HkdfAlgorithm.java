package dev.k6j.engine.modules.webcrypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF (RFC 5869) with HMAC-SHA: key material imported as a raw, non-extractable key, then deriveBits/deriveKey. */
final class HkdfAlgorithm extends KeyDerivationAlgorithm {

    HkdfAlgorithm() {
        super("HKDF");
    }

    @Override
    public byte[] deriveBits(AlgorithmParams params, CryptoKeyHandle key, Integer lengthBits) {
        ShaHash hash = params.hash();
        byte[] salt = params.bytes("salt");
        byte[] info = params.bytes("info");
        if (lengthBits == null || lengthBits % 8 != 0) {
            throw CryptoFailure.operation("HKDF needs a length that is a multiple of 8");
        }
        int length = lengthBits / 8;
        int hashLength = hash.bits / 8;
        if (length > 255 * hashLength) {
            throw CryptoFailure.operation("HKDF cannot derive more than " + 255 * hashLength * 8 + " bits");
        }
        try {
            Mac mac = Mac.getInstance(hash.jdkMac);
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[hashLength] : salt, hash.jdkMac));
            byte[] prk = mac.doFinal(key.secret());
            mac.init(new SecretKeySpec(prk, hash.jdkMac));
            byte[] out = new byte[length];
            byte[] t = new byte[0];
            for (int i = 1, offset = 0; offset < length; i++, offset += hashLength) {
                mac.update(t);
                mac.update(info);
                mac.update((byte) i);
                t = mac.doFinal();
                System.arraycopy(t, 0, out, offset, Math.min(hashLength, length - offset));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation("HKDF failed: " + e.getMessage());
        }
    }
}
