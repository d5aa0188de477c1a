package dev.k6j.engine.modules.webcrypto;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simple base of the key-derivation algorithms (PBKDF2, HKDF): their base key material is imported as a raw,
 * non-extractable secret used only for deriveBits/deriveKey; a subclass implements {@link #deriveBits}.
 */
abstract class KeyDerivationAlgorithm implements CryptoAlgorithm {

    private final String name;

    protected KeyDerivationAlgorithm(String name) {
        this.name = name;
    }

    @Override
    public Set<String> names() {
        return Set.of(name);
    }

    @Override
    public Set<String> privateUsages() {
        return Set.of("deriveKey", "deriveBits");
    }

    @Override
    public CryptoKeyHandle importKey(String format, Object keyData, AlgorithmParams params, boolean extractable,
                                     List<String> usages) {
        if (!format.equals("raw")) {
            throw CryptoFailure.notSupported(name + " keys can only be imported as 'raw'");
        }
        if (extractable) {
            throw CryptoFailure.syntax(name + " keys cannot be extractable");
        }
        checkUsages(usages, privateUsages());
        return CryptoKeyHandle.secret(Map.of("name", name), false, usages, Jwk.bytes(keyData, format));
    }
}
