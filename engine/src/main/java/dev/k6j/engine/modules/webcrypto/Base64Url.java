package dev.k6j.engine.modules.webcrypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/** The base64url (no padding) fields of JSON Web Keys, and the integers they carry. */
final class Base64Url {

    private Base64Url() {
    }

    static String encode(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    /** An unsigned big-endian integer, padded to {@code length} bytes (0: as short as possible). */
    static String encode(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        if (raw.length > 1 && raw[0] == 0) {
            raw = Arrays.copyOfRange(raw, 1, raw.length);
        }
        if (length > raw.length) {
            byte[] padded = new byte[length];
            System.arraycopy(raw, 0, padded, length - raw.length, raw.length);
            raw = padded;
        }
        return encode(raw);
    }

    /** The member {@code name} of a JWK, decoded; DataError if missing or not base64url. */
    static byte[] member(Map<String, Object> jwk, String name) {
        if (!(jwk.get(name) instanceof String text)) {
            throw CryptoFailure.data("the JWK has no '" + name + "' member");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw CryptoFailure.data("the JWK member '" + name + "' is not base64url: " + e.getMessage());
        }
    }

    static BigInteger integer(Map<String, Object> jwk, String name) {
        return new BigInteger(1, member(jwk, name));
    }
}
