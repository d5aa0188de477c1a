package dev.k6j.engine.modules.webcrypto;

import java.util.List;
import java.util.Set;

/**
 * One WebCrypto algorithm family and the operations it supports. An operation it does not support fails with
 * {@code NotSupportedError}. Implementations are stateless and thread-safe; they run off the VU thread.
 */
interface CryptoAlgorithm {

    /** The canonical names this family answers to, e.g. {@code AES-GCM}. */
    Set<String> names();

    /** Usages a secret or private key of this algorithm may have. */
    Set<String> privateUsages();

    /** Usages a public key may have (empty for symmetric algorithms). */
    default Set<String> publicUsages() {
        return Set.of();
    }

    /** A {@link CryptoKeyHandle}, or a {@link KeyPairHandle} for asymmetric algorithms. */
    default Object generateKey(AlgorithmParams params, boolean extractable, List<String> usages) {
        throw unsupported(params.name(), "generateKey");
    }

    /** {@code keyData} is {@code byte[]} for raw/spki/pkcs8 and a {@code Map} for jwk. */
    default CryptoKeyHandle importKey(String format, Object keyData, AlgorithmParams params, boolean extractable,
                                      List<String> usages) {
        throw unsupported(params.name(), "importKey");
    }

    /** {@code byte[]} for raw/spki/pkcs8, a {@code Map} for jwk. The key is extractable. */
    default Object exportKey(String format, CryptoKeyHandle key) {
        throw unsupported(key.algorithmName(), "exportKey");
    }

    default byte[] encrypt(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        throw unsupported(params.name(), "encrypt");
    }

    default byte[] decrypt(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        throw unsupported(params.name(), "decrypt");
    }

    /** wrapKey's encryption of the exported key; encrypt, except for AES-KW, which only wraps. */
    default byte[] wrap(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        return encrypt(params, key, data);
    }

    /** unwrapKey's decryption of the wrapped key; decrypt, except for AES-KW, which only unwraps. */
    default byte[] unwrap(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        return decrypt(params, key, data);
    }

    default byte[] sign(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        throw unsupported(params.name(), "sign");
    }

    default boolean verify(AlgorithmParams params, CryptoKeyHandle key, byte[] signature, byte[] data) {
        throw unsupported(params.name(), "verify");
    }

    /** {@code lengthBits} is {@code null} when the script passed null (the algorithm's full output). */
    default byte[] deriveBits(AlgorithmParams params, CryptoKeyHandle key, Integer lengthBits) {
        throw unsupported(params.name(), "deriveBits");
    }

    /** The key length in bits a derived key of this algorithm needs (deriveKey's "get key length"). */
    default int derivedKeyLength(AlgorithmParams params) {
        throw unsupported(params.name(), "deriveKey");
    }

    static CryptoFailure unsupported(String algorithm, String operation) {
        return CryptoFailure.notSupported("'" + algorithm + "' does not support " + operation);
    }

    /** Checks the requested usages against what this algorithm allows for the given key type. */
    default void checkUsages(List<String> usages, Set<String> allowed) {
        for (String usage : usages) {
            if (!allowed.contains(usage)) {
                throw CryptoFailure.syntax("invalid key usage '" + usage + "' for " + names().iterator().next());
            }
        }
    }
}
