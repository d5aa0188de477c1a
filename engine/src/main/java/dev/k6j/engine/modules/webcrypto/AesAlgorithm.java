package dev.k6j.engine.modules.webcrypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CBC, AES-CTR and AES-GCM (encrypt, decrypt, wrapKey, unwrapKey) and AES-KW (RFC 3394 key wrap: wrapKey and
 * unwrapKey only) on the JDK's ciphers: keys of 128, 192 or 256 bits.
 */
final class AesAlgorithm implements CryptoAlgorithm {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Integer> TAG_LENGTHS = Set.of(32, 64, 96, 104, 112, 120, 128);

    private final String name;

    AesAlgorithm(String name) {
        this.name = name;
    }

    @Override
    public Set<String> names() {
        return Set.of(name);
    }

    @Override
    public Set<String> privateUsages() {
        return keyWrapOnly() ? Set.of("wrapKey", "unwrapKey") : Set.of("encrypt", "decrypt", "wrapKey", "unwrapKey");
    }

    private boolean keyWrapOnly() {
        return name.equals("AES-KW");
    }

    @Override
    public Object generateKey(AlgorithmParams params, boolean extractable, List<String> usages) {
        checkUsages(usages, privateUsages());
        byte[] key = new byte[keyBits(params.integer("length")) / 8];
        RANDOM.nextBytes(key);
        return CryptoKeyHandle.secret(algorithm(key.length * 8), extractable, usages, key);
    }

    @Override
    public CryptoKeyHandle importKey(String format, Object keyData, AlgorithmParams params, boolean extractable,
                                     List<String> usages) {
        checkUsages(usages, privateUsages());
        byte[] key = switch (format) {
            case "raw" -> Jwk.bytes(keyData, format);
            case "jwk" -> {
                Map<String, Object> jwk = Jwk.of(keyData);
                byte[] k = Base64Url.member(jwk, "k");
                Jwk.checkImport(jwk, "oct", jwkAlg(k.length * 8), extractable, usages, "enc");
                yield k;
            }
            default -> throw CryptoFailure.notSupported("unsupported import format '" + format + "' for " + name);
        };
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw CryptoFailure.data("invalid key length: " + key.length * 8 + " bits; AES keys are 128, 192 or 256 bits");
        }
        return CryptoKeyHandle.secret(algorithm(key.length * 8), extractable, usages, key);
    }

    @Override
    public Object exportKey(String format, CryptoKeyHandle key) {
        return switch (format) {
            case "raw" -> key.secret().clone();
            case "jwk" -> {
                Map<String, Object> jwk = Jwk.export("oct", key);
                jwk.put("k", Base64Url.encode(key.secret()));
                jwk.put("alg", jwkAlg(key.secret().length * 8));
                yield jwk;
            }
            default -> throw CryptoFailure.notSupported("unsupported export format '" + format + "' for " + name);
        };
    }

    @Override
    public byte[] encrypt(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        return run(Cipher.ENCRYPT_MODE, params, key, data);
    }

    @Override
    public byte[] decrypt(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        return run(Cipher.DECRYPT_MODE, params, key, data);
    }

    @Override
    public byte[] wrap(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        return keyWrapOnly() ? keyWrap(Cipher.ENCRYPT_MODE, key, data) : encrypt(params, key, data);
    }

    @Override
    public byte[] unwrap(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        return keyWrapOnly() ? keyWrap(Cipher.DECRYPT_MODE, key, data) : decrypt(params, key, data);
    }

    /** RFC 3394 with its default IV: the key must be a multiple of 8 bytes, at least 16. */
    private static byte[] keyWrap(int mode, CryptoKeyHandle key, byte[] data) {
        if (data.length % 8 != 0 || data.length < (mode == Cipher.ENCRYPT_MODE ? 16 : 24)) {
            throw CryptoFailure.operation("AES-KW needs " + (mode == Cipher.ENCRYPT_MODE ? "a key" : "wrapped data")
                    + " of a multiple of 8 bytes, at least " + (mode == Cipher.ENCRYPT_MODE ? 16 : 24)
                    + "; it is " + data.length);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/KW/NoPadding");
            cipher.init(mode, new SecretKeySpec(key.secret(), "AES"));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation("AES-KW " + (mode == Cipher.ENCRYPT_MODE ? "wrapping" : "unwrapping")
                    + " failed: " + e.getMessage());
        }
    }

    @Override
    public int derivedKeyLength(AlgorithmParams params) {
        return keyBits(params.integer("length"));
    }

    private byte[] run(int mode, AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        if (keyWrapOnly()) {
            throw CryptoAlgorithm.unsupported(name, mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt");
        }
        SecretKeySpec spec = new SecretKeySpec(key.secret(), "AES");
        try {
            Cipher cipher;
            switch (name) {
                case "AES-CBC" -> {
                    byte[] iv = params.bytes("iv");
                    if (iv.length != 16) {
                        throw CryptoFailure.operation("iv length must be 16 bytes, it is " + iv.length);
                    }
                    cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
                    cipher.init(mode, spec, new IvParameterSpec(iv));
                }
                case "AES-CTR" -> {
                    byte[] counter = params.bytes("counter");
                    long length = params.integer("length");
                    if (counter.length != 16) {
                        throw CryptoFailure.operation("counter length must be 16 bytes, it is " + counter.length);
                    }
                    if (length < 1 || length > 128) {
                        throw CryptoFailure.operation("length must be between 1 and 128 bits, it is " + length);
                    }
                    cipher = Cipher.getInstance("AES/CTR/NoPadding");
                    cipher.init(mode, spec, new IvParameterSpec(counter));
                }
                default -> {
                    byte[] iv = params.bytes("iv");
                    long tagLength = params.integerOr("tagLength", 128);
                    if (!TAG_LENGTHS.contains((int) tagLength)) {
                        throw CryptoFailure.operation("invalid tagLength " + tagLength
                                + ": use 32, 64, 96, 104, 112, 120 or 128");
                    }
                    if (iv.length == 0) {
                        throw CryptoFailure.operation("the iv must not be empty");
                    }
                    cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(mode, spec, new GCMParameterSpec((int) tagLength, iv));
                    if (params.has("additionalData")) {
                        cipher.updateAAD(params.bytes("additionalData"));
                    }
                }
            }
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation(name + " " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
                    + " failed: " + e.getMessage());
        }
    }

    private Map<String, Object> algorithm(int bits) {
        Map<String, Object> algorithm = new LinkedHashMap<>();
        algorithm.put("name", name);
        algorithm.put("length", bits);
        return algorithm;
    }

    private String jwkAlg(int bits) {
        return "A" + bits + name.substring("AES-".length());
    }

    private static int keyBits(long length) {
        if (length != 128 && length != 192 && length != 256) {
            throw CryptoFailure.operation("invalid AES key length " + length + ": use 128, 192 or 256");
        }
        return (int) length;
    }
}
