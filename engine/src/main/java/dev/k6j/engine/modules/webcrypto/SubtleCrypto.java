package dev.k6j.engine.modules.webcrypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations of WebCrypto's {@code SubtleCrypto} on plain Java data: algorithm arguments as strings or maps,
 * data as bytes, keys as {@link CryptoKeyHandle}s. It applies the checks the specification makes before an
 * algorithm runs (names, usages, extractability) and dispatches to the algorithm. Failures are
 * {@link CryptoFailure}s. Stateless and thread-safe; the VU's host calls it off the VU thread.
 */
public final class SubtleCrypto {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, CryptoAlgorithm> ALGORITHMS = new HashMap<>();

    static {
        for (CryptoAlgorithm algorithm : List.of(new AesAlgorithm("AES-CBC"), new AesAlgorithm("AES-CTR"),
                new AesAlgorithm("AES-GCM"), new AesAlgorithm("AES-KW"), new HmacAlgorithm(), new EcAlgorithm("ECDSA"), new EcAlgorithm("ECDH"),
                new RsaAlgorithm("RSA-OAEP"), new RsaAlgorithm("RSA-PSS"), new RsaAlgorithm("RSASSA-PKCS1-v1_5"),
                new Pbkdf2Algorithm(), new HkdfAlgorithm(), new OkpAlgorithm(OkpCurve.ED25519),
                new OkpAlgorithm(OkpCurve.X25519))) {
            for (String name : algorithm.names()) {
                ALGORITHMS.put(name.toUpperCase(Locale.ROOT), algorithm);
            }
        }
    }

    /** The digest of {@code data} with SHA-1, SHA-256, SHA-384 or SHA-512. */
    public byte[] digest(Object algorithm, byte[] data) {
        AlgorithmParams params = AlgorithmParams.of(algorithm);
        ShaHash hash = ShaHash.byName(params.name());
        try {
            return MessageDigest.getInstance(hash.jdkDigest).digest(data);
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation(e.getMessage());
        }
    }

    /** A {@link CryptoKeyHandle} for symmetric algorithms, a {@link KeyPairHandle} for asymmetric ones. */
    public Object generateKey(Object algorithm, boolean extractable, List<String> usages) {
        AlgorithmParams params = normalized(algorithm);
        Object key = algorithmOf(params.name()).generateKey(params, extractable, usages);
        if (key instanceof CryptoKeyHandle single && single.usages().isEmpty()) {
            throw CryptoFailure.syntax("usages cannot not be empty for a secret or private CryptoKey");
        }
        return key;
    }

    public CryptoKeyHandle importKey(String format, Object keyData, Object algorithm, boolean extractable,
                                     List<String> usages) {
        checkFormat(format);
        AlgorithmParams params = normalized(algorithm);
        CryptoKeyHandle key = algorithmOf(params.name()).importKey(format, keyData, params, extractable, usages);
        if (!key.type().equals("public") && key.usages().isEmpty()) {
            throw CryptoFailure.syntax("usages cannot not be empty for a secret or private CryptoKey");
        }
        return key;
    }

    /** {@code byte[]} for raw, spki and pkcs8; a JWK as a {@code Map} for jwk. */
    public Object exportKey(String format, CryptoKeyHandle key) {
        checkFormat(format);
        if (!key.extractable()) {
            throw CryptoFailure.invalidAccess("the key is not extractable");
        }
        return algorithmOf(key.algorithmName()).exportKey(format, key);
    }

    public byte[] encrypt(Object algorithm, CryptoKeyHandle key, byte[] data) {
        AlgorithmParams params = matching(algorithm, key, "encrypt");
        return algorithmOf(params.name()).encrypt(params, key, data);
    }

    public byte[] decrypt(Object algorithm, CryptoKeyHandle key, byte[] data) {
        AlgorithmParams params = matching(algorithm, key, "decrypt");
        return algorithmOf(params.name()).decrypt(params, key, data);
    }

    public byte[] sign(Object algorithm, CryptoKeyHandle key, byte[] data) {
        AlgorithmParams params = matching(algorithm, key, "sign");
        return algorithmOf(params.name()).sign(params, key, data);
    }

    public boolean verify(Object algorithm, CryptoKeyHandle key, byte[] signature, byte[] data) {
        AlgorithmParams params = matching(algorithm, key, "verify");
        return algorithmOf(params.name()).verify(params, key, signature, data);
    }

    /** {@code lengthBits} null asks for the algorithm's whole output (ECDH only). */
    public byte[] deriveBits(Object algorithm, CryptoKeyHandle baseKey, Integer lengthBits) {
        AlgorithmParams params = matching(algorithm, baseKey, "deriveBits");
        return algorithmOf(params.name()).deriveBits(params, baseKey, lengthBits);
    }

    public CryptoKeyHandle deriveKey(Object algorithm, CryptoKeyHandle baseKey, Object derivedKeyType,
                                     boolean extractable, List<String> usages) {
        AlgorithmParams params = matching(algorithm, baseKey, "deriveKey");
        AlgorithmParams derived = normalized(derivedKeyType);
        int length = algorithmOf(derived.name()).derivedKeyLength(derived);
        byte[] bits = algorithmOf(params.name()).deriveBits(params, baseKey, length);
        return importKey("raw", bits, derivedKeyType, extractable, usages);
    }

    /** Exports {@code key} and encrypts it with {@code wrappingKey} (a JWK is wrapped as its JSON text). */
    public byte[] wrapKey(String format, CryptoKeyHandle key, CryptoKeyHandle wrappingKey, Object wrapAlgorithm) {
        AlgorithmParams params = matching(wrapAlgorithm, wrappingKey, "wrapKey");
        Object exported = exportKey(format, key);
        byte[] plain;
        if (exported instanceof byte[] bytes) {
            plain = bytes;
        } else {
            try {
                plain = JSON.writeValueAsBytes(exported);
            } catch (JsonProcessingException e) {
                throw CryptoFailure.operation("cannot serialize the JWK: " + e.getMessage());
            }
        }
        return algorithmOf(params.name()).wrap(params, wrappingKey, plain);
    }

    /** Decrypts {@code wrapped} with {@code unwrappingKey} and imports the result. */
    public CryptoKeyHandle unwrapKey(String format, byte[] wrapped, CryptoKeyHandle unwrappingKey,
                                     Object unwrapAlgorithm, Object keyAlgorithm, boolean extractable,
                                     List<String> usages) {
        AlgorithmParams params = matching(unwrapAlgorithm, unwrappingKey, "unwrapKey");
        byte[] plain = algorithmOf(params.name()).unwrap(params, unwrappingKey, wrapped);
        Object keyData = plain;
        if (format.equals("jwk")) {
            try {
                keyData = JSON.readValue(new String(plain, StandardCharsets.UTF_8), Map.class);
            } catch (JsonProcessingException e) {
                throw CryptoFailure.data("the unwrapped key is not a JWK: " + e.getOriginalMessage());
            }
        }
        return importKey(format, keyData, keyAlgorithm, extractable, usages);
    }

    private static void checkFormat(String format) {
        if (!List.of("raw", "spki", "pkcs8", "jwk").contains(format)) {
            throw CryptoFailure.type("unknown key format '" + format + "': use raw, spki, pkcs8 or jwk");
        }
    }

    /** The parameters with the algorithm's canonical name. */
    private static AlgorithmParams normalized(Object algorithm) {
        AlgorithmParams params = AlgorithmParams.of(algorithm);
        String canonical = algorithmOf(params.name()).names().stream()
                .filter(n -> n.equalsIgnoreCase(params.name())).findFirst().orElseThrow();
        return new AlgorithmParams(canonical, params.members());
    }

    private static AlgorithmParams matching(Object algorithm, CryptoKeyHandle key, String usage) {
        AlgorithmParams params = normalized(algorithm);
        if (!params.name().equals(key.algorithmName())) {
            throw CryptoFailure.invalidAccess("algorithm name does not match key algorithm name");
        }
        key.require(usage);
        return params;
    }

    private static CryptoAlgorithm algorithmOf(String name) {
        CryptoAlgorithm algorithm = ALGORITHMS.get(name.toUpperCase(Locale.ROOT));
        if (algorithm == null) {
            throw CryptoFailure.notSupported("unsupported algorithm '" + name + "'");
        }
        return algorithm;
    }
}
