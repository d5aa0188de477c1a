package dev.k6j.engine.modules.webcrypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * Signing and verifying with a JDK {@link Signature} under WebCrypto's rules, for every asymmetric signature
 * algorithm: signing needs a private key and verifying a public one ({@code InvalidAccessError}), a malformed
 * signature verifies as {@code false}, and any other failure is an {@code OperationError}.
 */
final class Signer {

    /** Makes the JDK signature of one call (with its parameters, such as RSA-PSS's salt length). */
    interface Scheme {
        Signature create() throws GeneralSecurityException;
    }

    private Signer() {
    }

    static byte[] sign(String name, CryptoKeyHandle key, Scheme scheme, byte[] data) {
        if (!key.type().equals("private")) {
            throw CryptoFailure.invalidAccess(name + " signing needs a private key");
        }
        try {
            Signature signature = scheme.create();
            signature.initSign((PrivateKey) key.key());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation(name + " signing failed: " + e.getMessage());
        }
    }

    static boolean verify(String name, CryptoKeyHandle key, Scheme scheme, byte[] signature, byte[] data) {
        if (!key.type().equals("public")) {
            throw CryptoFailure.invalidAccess(name + " verification needs a public key");
        }
        try {
            Signature verifier = scheme.create();
            verifier.initVerify((PublicKey) key.key());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation(name + " verification failed: " + e.getMessage());
        }
    }
}
