package dev.k6j.engine.modules.webcrypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.KeyAgreement;

/** ECDSA (sign, verify) and ECDH (deriveBits, deriveKey) on P-256, P-384 and P-521, with the JDK's SunEC. */
final class EcAlgorithm implements CryptoAlgorithm {

    private final String name;

    EcAlgorithm(String name) {
        this.name = name;
    }

    private boolean ecdsa() {
        return name.equals("ECDSA");
    }

    @Override
    public Set<String> names() {
        return Set.of(name);
    }

    @Override
    public Set<String> privateUsages() {
        return ecdsa() ? Set.of("sign") : Set.of("deriveKey", "deriveBits");
    }

    @Override
    public Set<String> publicUsages() {
        return ecdsa() ? Set.of("verify") : Set.of();
    }

    @Override
    public Object generateKey(AlgorithmParams params, boolean extractable, List<String> usages) {
        EcCurve curve = EcCurve.byName(params.string("namedCurve"));
        checkUsages(usages, union());
        List<String> privateUsages = usages.stream().filter(privateUsages()::contains).toList();
        if (privateUsages.isEmpty()) {
            throw CryptoFailure.syntax("usages cannot not be empty for a secret or private CryptoKey");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve.jdkName));
            KeyPair pair = generator.generateKeyPair();
            return new KeyPairHandle(
                    CryptoKeyHandle.asymmetric("public", algorithm(curve), true,
                            usages.stream().filter(publicUsages()::contains).toList(), pair.getPublic(), null),
                    CryptoKeyHandle.asymmetric("private", algorithm(curve), extractable, privateUsages,
                            pair.getPrivate(), pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation("could not generate an " + curve.webName + " key pair: " + e.getMessage());
        }
    }

    @Override
    public CryptoKeyHandle importKey(String format, Object keyData, AlgorithmParams params, boolean extractable,
                                     List<String> usages) {
        EcCurve curve = EcCurve.byName(params.string("namedCurve"));
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            return switch (format) {
                case "raw" -> publicKey(curve, factory.generatePublic(
                        new ECPublicKeySpec(curve.decode(Jwk.bytes(keyData, format)), curve.spec())), extractable, usages);
                case "spki" -> {
                    PublicKey key = factory.generatePublic(new X509EncodedKeySpec(Jwk.bytes(keyData, format)));
                    yield publicKey(sameCurve(curve, ((ECPublicKey) key).getParams()), key, extractable, usages);
                }
                case "pkcs8" -> {
                    ECPrivateKey key = (ECPrivateKey) factory.generatePrivate(
                            new PKCS8EncodedKeySpec(Jwk.bytes(keyData, format)));
                    sameCurve(curve, key.getParams());
                    yield privateKey(curve, key, null, extractable, usages);
                }
                case "jwk" -> importJwk(curve, factory, Jwk.of(keyData), extractable, usages);
                default -> throw CryptoFailure.notSupported("unsupported import format '" + format + "' for " + name);
            };
        } catch (GeneralSecurityException | ClassCastException e) {
            throw CryptoFailure.data("invalid " + name + " key data: " + e.getMessage());
        }
    }

    private CryptoKeyHandle importJwk(EcCurve curve, KeyFactory factory, Map<String, Object> jwk, boolean extractable,
                                      List<String> usages) throws GeneralSecurityException {
        Jwk.checkImport(jwk, "EC", null, extractable, usages, ecdsa() ? "sig" : "enc");
        if (!curve.webName.equals(jwk.get("crv"))) {
            throw CryptoFailure.data("the JWK's curve '" + jwk.get("crv") + "' is not " + curve.webName);
        }
        ECPoint point = curve.checked(new ECPoint(Base64Url.integer(jwk, "x"), Base64Url.integer(jwk, "y")));
        PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(point, curve.spec()));
        if (jwk.get("d") == null) {
            return publicKey(curve, publicKey, extractable, usages);
        }
        ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(
                new ECPrivateKeySpec(Base64Url.integer(jwk, "d"), curve.spec()));
        return privateKey(curve, privateKey, publicKey, extractable, usages);
    }

    private CryptoKeyHandle publicKey(EcCurve curve, Key key, boolean extractable, List<String> usages) {
        checkUsages(usages, publicUsages());
        return CryptoKeyHandle.asymmetric("public", algorithm(curve), extractable, usages, key, null);
    }

    private CryptoKeyHandle privateKey(EcCurve curve, ECPrivateKey key, Key publicKey, boolean extractable,
                                       List<String> usages) {
        checkUsages(usages, privateUsages());
        if (usages.isEmpty()) {
            throw CryptoFailure.syntax("usages cannot not be empty for a secret or private CryptoKey");
        }
        return CryptoKeyHandle.asymmetric("private", algorithm(curve), extractable, usages, key, publicKey);
    }

    @Override
    public Object exportKey(String format, CryptoKeyHandle key) {
        EcCurve curve = EcCurve.byName((String) key.algorithm().get("namedCurve"));
        return switch (format) {
            case "raw" -> curve.encode(((ECPublicKey) publicOnly(key, format)).getW());
            case "spki" -> publicOnly(key, format).getEncoded();
            case "pkcs8" -> privateOnly(key, format).getEncoded();
            case "jwk" -> {
                Map<String, Object> jwk = Jwk.export("EC", key);
                jwk.put("crv", curve.webName);
                ECPoint point;
                if (key.type().equals("private")) {
                    BigInteger d = ((ECPrivateKey) key.key()).getS();
                    point = key.publicKey() != null ? ((ECPublicKey) key.publicKey()).getW() : curve.publicPoint(d);
                    jwk.put("d", Base64Url.encode(d, curve.size));
                } else {
                    point = ((ECPublicKey) key.key()).getW();
                }
                jwk.put("x", Base64Url.encode(point.getAffineX(), curve.size));
                jwk.put("y", Base64Url.encode(point.getAffineY(), curve.size));
                yield jwk;
            }
            default -> throw CryptoFailure.notSupported("unsupported export format '" + format + "' for " + name);
        };
    }

    @Override
    public byte[] sign(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        requireEcdsa("sign");
        return Signer.sign(name, key, () -> ecdsa(params), data);
    }

    @Override
    public boolean verify(AlgorithmParams params, CryptoKeyHandle key, byte[] signature, byte[] data) {
        requireEcdsa("verify");
        return Signer.verify(name, key, () -> ecdsa(params), signature, data);
    }

    /** ECDSA with WebCrypto's signature format: r and s side by side (IEEE P1363), not DER. */
    private static Signature ecdsa(AlgorithmParams params) throws GeneralSecurityException {
        return Signature.getInstance(params.hash().jdkShort() + "withECDSAinP1363Format");
    }

    @Override
    public byte[] deriveBits(AlgorithmParams params, CryptoKeyHandle key, Integer lengthBits) {
        if (ecdsa()) {
            throw CryptoAlgorithm.unsupported(name, "deriveBits");
        }
        CryptoKeyHandle peer = params.key("public");
        if (!key.type().equals("private")) {
            throw CryptoFailure.invalidAccess("ECDH needs a private base key");
        }
        if (!peer.type().equals("public") || !peer.algorithmName().equals("ECDH")) {
            throw CryptoFailure.invalidAccess("ECDH's 'public' must be a public ECDH key");
        }
        if (!peer.algorithm().get("namedCurve").equals(key.algorithm().get("namedCurve"))) {
            throw CryptoFailure.invalidAccess("the ECDH keys are on different curves");
        }
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(key.key());
            agreement.doPhase(peer.key(), true);
            byte[] secret = agreement.generateSecret();
            return lengthBits == null ? secret : Bits.first(secret, lengthBits);
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation("ECDH failed: " + e.getMessage());
        }
    }

    private void requireEcdsa(String operation) {
        if (!ecdsa()) {
            throw CryptoAlgorithm.unsupported(name, operation);
        }
    }

    private Set<String> union() {
        return ecdsa() ? Set.of("sign", "verify") : Set.of("deriveKey", "deriveBits");
    }

    private static Key publicOnly(CryptoKeyHandle key, String format) {
        if (!key.type().equals("public")) {
            throw CryptoFailure.invalidAccess("'" + format + "' export needs a public key");
        }
        return key.key();
    }

    private static Key privateOnly(CryptoKeyHandle key, String format) {
        if (!key.type().equals("private")) {
            throw CryptoFailure.invalidAccess("'" + format + "' export needs a private key");
        }
        return key.key();
    }

    private static EcCurve sameCurve(EcCurve expected, java.security.spec.ECParameterSpec params) {
        EcCurve actual = EcCurve.of(params);
        if (actual != expected) {
            throw CryptoFailure.data("the key is on " + actual.webName + ", not " + expected.webName);
        }
        return actual;
    }

    private Map<String, Object> algorithm(EcCurve curve) {
        Map<String, Object> algorithm = new LinkedHashMap<>();
        algorithm.put("name", name);
        algorithm.put("namedCurve", curve.webName);
        return algorithm;
    }
}
