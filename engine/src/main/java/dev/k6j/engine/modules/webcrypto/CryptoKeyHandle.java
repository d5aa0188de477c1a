package dev.k6j.engine.modules.webcrypto;

import java.security.Key;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java side of one CryptoKey: what scripts see of it (type, extractable, algorithm, usages) and the key
 * material they never see. Immutable, so any thread may use it; the script's {@code CryptoKey} object refers to it.
 *
 * @param type        {@code secret}, {@code public} or {@code private}
 * @param extractable whether exportKey may reveal it
 * @param algorithm   the KeyAlgorithm dictionary scripts read ({@code name}, {@code length}, {@code hash}, ...)
 * @param usages      what it may be used for, in WebCrypto's order
 * @param secret      the bytes of a secret key; {@code null} otherwise
 * @param key         the JDK key of a public or private key; {@code null} for secret keys
 * @param publicKey   for a private key, its public half when known (JWK export needs it); else {@code null}
 */
public record CryptoKeyHandle(String type, boolean extractable, Map<String, Object> algorithm, List<String> usages,
                              byte[] secret, Key key, Key publicKey) {

    /** WebCrypto's order of usages, which a key's {@code usages} follows. */
    static final List<String> USAGE_ORDER = List.of("encrypt", "decrypt", "sign", "verify", "deriveKey",
            "deriveBits", "wrapKey", "unwrapKey");

    static CryptoKeyHandle secret(Map<String, Object> algorithm, boolean extractable, List<String> usages,
                                  byte[] secret) {
        return new CryptoKeyHandle("secret", extractable, algorithm, ordered(usages), secret.clone(), null, null);
    }

    static CryptoKeyHandle asymmetric(String type, Map<String, Object> algorithm, boolean extractable,
                                      List<String> usages, Key key, Key publicKey) {
        return new CryptoKeyHandle(type, extractable, algorithm, ordered(usages), null, key, publicKey);
    }

    /** The algorithm's name, e.g. {@code AES-GCM}. */
    public String algorithmName() {
        return (String) algorithm.get("name");
    }

    boolean allows(String usage) {
        return usages.contains(usage);
    }

    /** Fails with InvalidAccessError unless the key was made for {@code usage}. */
    void require(String usage) {
        if (!allows(usage)) {
            throw CryptoFailure.invalidAccess("key does not contain the '" + usage + "' usage");
        }
    }

    static List<String> ordered(List<String> usages) {
        Set<String> set = Set.copyOf(usages);
        return USAGE_ORDER.stream().filter(set::contains).toList();
    }
}
