package dev.k6j.engine.modules.webcrypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC with the SHA family: keys of any length (by default the hash's block size), sign and verify. */
final class HmacAlgorithm implements CryptoAlgorithm {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Set<String> names() {
        return Set.of("HMAC");
    }

    @Override
    public Set<String> privateUsages() {
        return Set.of("sign", "verify");
    }

    @Override
    public Object generateKey(AlgorithmParams params, boolean extractable, List<String> usages) {
        checkUsages(usages, privateUsages());
        ShaHash hash = params.hash();
        int bits = derivedKeyLength(params);
        byte[] key = new byte[(bits + 7) / 8];
        RANDOM.nextBytes(key);
        return CryptoKeyHandle.secret(algorithm(hash, bits), extractable, usages, key);
    }

    @Override
    public CryptoKeyHandle importKey(String format, Object keyData, AlgorithmParams params, boolean extractable,
                                     List<String> usages) {
        checkUsages(usages, privateUsages());
        ShaHash hash = params.hash();
        byte[] key = switch (format) {
            case "raw" -> Jwk.bytes(keyData, format);
            case "jwk" -> {
                Map<String, Object> jwk = Jwk.of(keyData);
                Jwk.checkImport(jwk, "oct", "HS" + hash.jwkSuffix, extractable, usages, "sig");
                yield Base64Url.member(jwk, "k");
            }
            default -> throw CryptoFailure.notSupported("unsupported import format '" + format + "' for HMAC");
        };
        if (key.length == 0) {
            throw CryptoFailure.data("an HMAC key must not be empty");
        }
        int bits = key.length * 8;
        if (params.has("length")) {
            long length = params.integer("length");
            if (length > bits || length <= bits - 8) {
                throw CryptoFailure.data("the HMAC length " + length + " does not match the key's " + bits + " bits");
            }
            bits = (int) length;
        }
        return CryptoKeyHandle.secret(algorithm(hash, bits), extractable, usages, key);
    }

    @Override
    public Object exportKey(String format, CryptoKeyHandle key) {
        return switch (format) {
            case "raw" -> key.secret().clone();
            case "jwk" -> {
                Map<String, Object> jwk = Jwk.export("oct", key);
                jwk.put("k", Base64Url.encode(key.secret()));
                jwk.put("alg", "HS" + ShaHash.of(key).jwkSuffix);
                yield jwk;
            }
            default -> throw CryptoFailure.notSupported("unsupported export format '" + format + "' for HMAC");
        };
    }

    @Override
    public byte[] sign(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        ShaHash hash = ShaHash.of(key);
        try {
            Mac mac = Mac.getInstance(hash.jdkMac);
            mac.init(new SecretKeySpec(key.secret(), hash.jdkMac));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation("HMAC signing failed: " + e.getMessage());
        }
    }

    @Override
    public boolean verify(AlgorithmParams params, CryptoKeyHandle key, byte[] signature, byte[] data) {
        return MessageDigest.isEqual(sign(params, key, data), signature);
    }

    @Override
    public int derivedKeyLength(AlgorithmParams params) {
        ShaHash hash = params.hash();
        long bits = params.integerOr("length", hash.blockBits);
        if (bits <= 0) {
            throw CryptoFailure.type("the HMAC key length must be positive");
        }
        return (int) bits;
    }

    private static Map<String, Object> algorithm(ShaHash hash, int bits) {
        Map<String, Object> algorithm = new LinkedHashMap<>();
        algorithm.put("name", "HMAC");
        algorithm.put("hash", Map.of("name", hash.webName));
        algorithm.put("length", bits);
        return algorithm;
    }
}
