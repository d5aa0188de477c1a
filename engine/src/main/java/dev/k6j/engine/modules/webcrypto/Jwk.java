package dev.k6j.engine.modules.webcrypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every JSON Web Key import checks and every export writes, whatever the key type (RFC 7517). */
final class Jwk {

    private Jwk() {
    }

    /**
     * Checks the common members of a JWK being imported: {@code kty}, {@code alg} (when the JWK has one and
     * {@code expectedAlg} is known), {@code key_ops}, {@code ext} and {@code use}.
     */
    static void checkImport(Map<String, Object> jwk, String kty, String expectedAlg, boolean extractable,
                            List<String> usages, String use) {
        if (!kty.equals(jwk.get("kty"))) {
            throw CryptoFailure.data("the JWK's 'kty' must be '" + kty + "', it is '" + jwk.get("kty") + "'");
        }
        if (expectedAlg != null && jwk.get("alg") != null && !expectedAlg.equals(jwk.get("alg"))) {
            throw CryptoFailure.data("the JWK's 'alg' must be '" + expectedAlg + "', it is '" + jwk.get("alg") + "'");
        }
        if (jwk.get("use") != null && !usages.isEmpty() && !use.equals(jwk.get("use"))) {
            throw CryptoFailure.data("the JWK's 'use' must be '" + use + "'");
        }
        if (jwk.get("key_ops") instanceof List<?> ops) {
            for (String usage : usages) {
                if (!ops.contains(usage)) {
                    throw CryptoFailure.data("the JWK's 'key_ops' do not contain '" + usage + "'");
                }
            }
        }
        if (Boolean.FALSE.equals(jwk.get("ext")) && extractable) {
            throw CryptoFailure.data("the JWK is not extractable ('ext' is false) but an extractable key was asked for");
        }
    }

    /** The members every exported JWK starts with. */
    static Map<String, Object> export(String kty, CryptoKeyHandle key) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", kty);
        jwk.put("key_ops", key.usages());
        jwk.put("ext", key.extractable());
        return jwk;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Object keyData) {
        if (keyData instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw CryptoFailure.type("a 'jwk' key must be a JSON Web Key object");
    }

    static byte[] bytes(Object keyData, String format) {
        if (keyData instanceof byte[] data) {
            return data;
        }
        throw CryptoFailure.type("'" + format + "' key data must be an ArrayBuffer, a typed array or a DataView");
    }
}
