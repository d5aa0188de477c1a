package dev.k6j.engine.modules.webcrypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.KeyAgreement;

/**
 * The octet-key-pair algorithms on Curve25519: Ed25519 (sign, verify; RFC 8032) and X25519 (deriveBits, deriveKey;
 * RFC 7748), with the JDK's EdDSA and XDH. Keys are 32 bytes; the JWK form is RFC 8037's {@code OKP}.
 */
final class OkpAlgorithm implements CryptoAlgorithm {

    private final OkpCurve curve;

    OkpAlgorithm(OkpCurve curve) {
        this.curve = curve;
    }

    private boolean signs() {
        return curve == OkpCurve.ED25519;
    }

    @Override
    public Set<String> names() {
        return Set.of(curve.webName);
    }

    @Override
    public Set<String> privateUsages() {
        return signs() ? Set.of("sign") : Set.of("deriveKey", "deriveBits");
    }

    @Override
    public Set<String> publicUsages() {
        return signs() ? Set.of("verify") : Set.of();
    }

    @Override
    public Object generateKey(AlgorithmParams params, boolean extractable, List<String> usages) {
        checkUsages(usages, signs() ? Set.of("sign", "verify") : privateUsages());
        List<String> privateUsages = usages.stream().filter(privateUsages()::contains).toList();
        if (privateUsages.isEmpty()) {
            throw CryptoFailure.syntax("usages cannot not be empty for a secret or private CryptoKey");
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance(curve.jdkName).generateKeyPair();
            return new KeyPairHandle(
                    CryptoKeyHandle.asymmetric("public", algorithm(), true,
                            usages.stream().filter(publicUsages()::contains).toList(), pair.getPublic(), null),
                    CryptoKeyHandle.asymmetric("private", algorithm(), extractable, privateUsages,
                            pair.getPrivate(), pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation("could not generate an " + curve.webName + " key pair: " + e.getMessage());
        }
    }

    @Override
    public CryptoKeyHandle importKey(String format, Object keyData, AlgorithmParams params, boolean extractable,
                                     List<String> usages) {
        return switch (format) {
            case "raw" -> publicKey(curve.publicKey(Jwk.bytes(keyData, format)), extractable, usages);
            case "spki" -> publicKey(decodedPublic(Jwk.bytes(keyData, format)), extractable, usages);
            case "pkcs8" -> privateKey(decodedPrivate(Jwk.bytes(keyData, format)), null, extractable, usages);
            case "jwk" -> importJwk(Jwk.of(keyData), extractable, usages);
            default -> throw CryptoFailure.notSupported("unsupported import format '" + format + "' for "
                    + curve.webName);
        };
    }

    private CryptoKeyHandle importJwk(Map<String, Object> jwk, boolean extractable, List<String> usages) {
        Jwk.checkImport(jwk, "OKP", null, extractable, usages, signs() ? "sig" : "enc");
        if (!curve.webName.equals(jwk.get("crv"))) {
            throw CryptoFailure.data("the JWK's curve '" + jwk.get("crv") + "' is not " + curve.webName);
        }
        if (signs() && jwk.get("alg") != null && !List.of("Ed25519", "EdDSA").contains(jwk.get("alg"))) {
            throw CryptoFailure.data("the JWK's 'alg' must be 'Ed25519' or 'EdDSA', it is '" + jwk.get("alg") + "'");
        }
        PublicKey publicKey = curve.publicKey(Base64Url.member(jwk, "x"));
        if (jwk.get("d") == null) {
            return publicKey(publicKey, extractable, usages);
        }
        KeyPair pair = curve.keyPair(Base64Url.member(jwk, "d"));
        if (!java.util.Arrays.equals(pair.getPublic().getEncoded(), publicKey.getEncoded())) {
            throw CryptoFailure.data("the JWK's 'x' is not the public key of its 'd'");
        }
        return privateKey(pair.getPrivate(), publicKey, extractable, usages);
    }

    private PublicKey decodedPublic(byte[] spki) {
        try {
            PublicKey key = KeyFactory.getInstance(curve.jdkName).generatePublic(new X509EncodedKeySpec(spki));
            curve.rawPublic(key); // rejects a key of the other curve
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw CryptoFailure.data("invalid " + curve.webName + " SPKI key data: " + e.getMessage());
        }
    }

    private PrivateKey decodedPrivate(byte[] pkcs8) {
        try {
            PrivateKey key = KeyFactory.getInstance(curve.jdkName).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            curve.rawPrivate(key);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw CryptoFailure.data("invalid " + curve.webName + " PKCS#8 key data: " + e.getMessage());
        }
    }

    private CryptoKeyHandle publicKey(PublicKey key, boolean extractable, List<String> usages) {
        checkUsages(usages, publicUsages());
        return CryptoKeyHandle.asymmetric("public", algorithm(), extractable, usages, key, null);
    }

    private CryptoKeyHandle privateKey(PrivateKey key, PublicKey publicKey, boolean extractable, List<String> usages) {
        checkUsages(usages, privateUsages());
        if (usages.isEmpty()) {
            throw CryptoFailure.syntax("usages cannot not be empty for a secret or private CryptoKey");
        }
        return CryptoKeyHandle.asymmetric("private", algorithm(), extractable, usages, key, publicKey);
    }

    @Override
    public Object exportKey(String format, CryptoKeyHandle key) {
        boolean isPrivate = key.type().equals("private");
        return switch (format) {
            case "raw" -> curve.rawPublic(publicOnly(key, format));
            case "spki" -> publicOnly(key, format).getEncoded();
            case "pkcs8" -> {
                if (!isPrivate) {
                    throw CryptoFailure.invalidAccess("'pkcs8' export needs a private key");
                }
                yield curve.pkcs8(curve.rawPrivate((PrivateKey) key.key()));
            }
            case "jwk" -> {
                Map<String, Object> jwk = Jwk.export("OKP", key);
                jwk.put("crv", curve.webName);
                if (isPrivate) {
                    byte[] d = curve.rawPrivate((PrivateKey) key.key());
                    PublicKey publicKey = key.publicKey() != null
                            ? (PublicKey) key.publicKey() : curve.keyPair(d).getPublic();
                    jwk.put("x", Base64Url.encode(curve.rawPublic(publicKey)));
                    jwk.put("d", Base64Url.encode(d));
                } else {
                    jwk.put("x", Base64Url.encode(curve.rawPublic((PublicKey) key.key())));
                }
                yield jwk;
            }
            default -> throw CryptoFailure.notSupported("unsupported export format '" + format + "' for "
                    + curve.webName);
        };
    }

    @Override
    public byte[] sign(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        requireSigning("sign");
        return Signer.sign(curve.webName, key, () -> Signature.getInstance(curve.jdkName), data);
    }

    @Override
    public boolean verify(AlgorithmParams params, CryptoKeyHandle key, byte[] signature, byte[] data) {
        requireSigning("verify");
        return Signer.verify(curve.webName, key, () -> Signature.getInstance(curve.jdkName), signature, data);
    }

    @Override
    public byte[] deriveBits(AlgorithmParams params, CryptoKeyHandle key, Integer lengthBits) {
        if (signs()) {
            throw CryptoAlgorithm.unsupported(curve.webName, "deriveBits");
        }
        CryptoKeyHandle peer = params.key("public");
        if (!key.type().equals("private")) {
            throw CryptoFailure.invalidAccess("X25519 needs a private base key");
        }
        if (!peer.type().equals("public") || !peer.algorithmName().equals(curve.webName)) {
            throw CryptoFailure.invalidAccess("X25519's 'public' must be a public X25519 key");
        }
        byte[] secret;
        try {
            KeyAgreement agreement = KeyAgreement.getInstance(curve.jdkName);
            agreement.init(key.key());
            agreement.doPhase(peer.key(), true);
            secret = agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            // The JDK refuses a peer of small order, whose shared secret would be all zeros (RFC 7748 §6.1).
            throw CryptoFailure.operation("X25519 failed: " + e.getMessage());
        }
        return lengthBits == null ? secret : Bits.first(secret, lengthBits);
    }

    private void requireSigning(String operation) {
        if (!signs()) {
            throw CryptoAlgorithm.unsupported(curve.webName, operation);
        }
    }

    private static PublicKey publicOnly(CryptoKeyHandle key, String format) {
        if (!key.type().equals("public")) {
            throw CryptoFailure.invalidAccess("'" + format + "' export needs a public key");
        }
        return (PublicKey) key.key();
    }

    private Map<String, Object> algorithm() {
        Map<String, Object> algorithm = new LinkedHashMap<>();
        algorithm.put("name", curve.webName);
        return algorithm;
    }
}
