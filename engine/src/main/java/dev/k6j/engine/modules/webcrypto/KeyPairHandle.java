package dev.k6j.engine.modules.webcrypto;

/** A generated key pair: WebCrypto's CryptoKeyPair on the Java side. Immutable. */
public record KeyPairHandle(CryptoKeyHandle publicKey, CryptoKeyHandle privateKey) {
}
