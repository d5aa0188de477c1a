package dev.k6j.engine.modules.webcrypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** RSA-OAEP (encrypt, decrypt), RSA-PSS and RSASSA-PKCS1-v1_5 (sign, verify) on the JDK's SunRsaSign and SunJCE. */
final class RsaAlgorithm implements CryptoAlgorithm {

    private final String name;

    RsaAlgorithm(String name) {
        this.name = name;
    }

    private boolean oaep() {
        return name.equals("RSA-OAEP");
    }

    @Override
    public Set<String> names() {
        return Set.of(name);
    }

    @Override
    public Set<String> privateUsages() {
        return oaep() ? Set.of("decrypt", "unwrapKey") : Set.of("sign");
    }

    @Override
    public Set<String> publicUsages() {
        return oaep() ? Set.of("encrypt", "wrapKey") : Set.of("verify");
    }

    @Override
    public Object generateKey(AlgorithmParams params, boolean extractable, List<String> usages) {
        ShaHash hash = params.hash();
        long modulusLength = params.integer("modulusLength");
        BigInteger exponent = new BigInteger(1, params.bytes("publicExponent"));
        for (String usage : usages) {
            if (!privateUsages().contains(usage) && !publicUsages().contains(usage)) {
                throw CryptoFailure.syntax("invalid key usage '" + usage + "' for " + name);
            }
        }
        List<String> privateUsages = usages.stream().filter(privateUsages()::contains).toList();
        if (privateUsages.isEmpty()) {
            throw CryptoFailure.syntax("usages cannot not be empty for a secret or private CryptoKey");
        }
        if (modulusLength < 256 || modulusLength > 16384 || modulusLength % 8 != 0) {
            throw CryptoFailure.operation("invalid modulusLength " + modulusLength);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec((int) modulusLength, exponent));
            KeyPair pair = generator.generateKeyPair();
            Map<String, Object> algorithm = algorithm(hash, (RSAPublicKey) pair.getPublic());
            return new KeyPairHandle(
                    CryptoKeyHandle.asymmetric("public", algorithm, true,
                            usages.stream().filter(publicUsages()::contains).toList(), pair.getPublic(), null),
                    CryptoKeyHandle.asymmetric("private", algorithm, extractable, privateUsages,
                            pair.getPrivate(), pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation("could not generate an RSA key pair: " + e.getMessage());
        }
    }

    @Override
    public CryptoKeyHandle importKey(String format, Object keyData, AlgorithmParams params, boolean extractable,
                                     List<String> usages) {
        ShaHash hash = params.hash();
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return switch (format) {
                case "spki" -> handle(hash, factory.generatePublic(new X509EncodedKeySpec(Jwk.bytes(keyData, format))),
                        null, extractable, usages);
                case "pkcs8" -> handle(hash, factory.generatePrivate(new PKCS8EncodedKeySpec(Jwk.bytes(keyData, format))),
                        null, extractable, usages);
                case "jwk" -> importJwk(hash, factory, Jwk.of(keyData), extractable, usages);
                default -> throw CryptoFailure.notSupported("unsupported import format '" + format + "' for " + name);
            };
        } catch (GeneralSecurityException | ClassCastException e) {
            throw CryptoFailure.data("invalid " + name + " key data: " + e.getMessage());
        }
    }

    private CryptoKeyHandle importJwk(ShaHash hash, KeyFactory factory, Map<String, Object> jwk, boolean extractable,
                                      List<String> usages) throws GeneralSecurityException {
        Jwk.checkImport(jwk, "RSA", jwkAlg(hash), extractable, usages, oaep() ? "enc" : "sig");
        BigInteger n = Base64Url.integer(jwk, "n");
        BigInteger e = Base64Url.integer(jwk, "e");
        PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(n, e));
        if (jwk.get("d") == null) {
            return handle(hash, publicKey, null, extractable, usages);
        }
        BigInteger d = Base64Url.integer(jwk, "d");
        PrivateKey privateKey = jwk.get("p") == null
                ? factory.generatePrivate(new RSAPrivateKeySpec(n, d))
                : factory.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, Base64Url.integer(jwk, "p"),
                        Base64Url.integer(jwk, "q"), Base64Url.integer(jwk, "dp"), Base64Url.integer(jwk, "dq"),
                        Base64Url.integer(jwk, "qi")));
        return handle(hash, privateKey, publicKey, extractable, usages);
    }

    private CryptoKeyHandle handle(ShaHash hash, Key key, Key publicKey, boolean extractable, List<String> usages) {
        boolean isPrivate = key instanceof PrivateKey;
        checkUsages(usages, isPrivate ? privateUsages() : publicUsages());
        if (isPrivate && usages.isEmpty()) {
            throw CryptoFailure.syntax("usages cannot not be empty for a secret or private CryptoKey");
        }
        Key known = publicKey != null ? publicKey : (isPrivate ? derivePublic(key) : key);
        return CryptoKeyHandle.asymmetric(isPrivate ? "private" : "public", algorithm(hash, (RSAKey) known),
                extractable, usages, key, isPrivate ? known : null);
    }

    private static Key derivePublic(Key privateKey) {
        if (privateKey instanceof RSAPrivateCrtKey crt) {
            try {
                return KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            } catch (GeneralSecurityException e) {
                throw CryptoFailure.data("invalid RSA private key: " + e.getMessage());
            }
        }
        return privateKey;
    }

    @Override
    public Object exportKey(String format, CryptoKeyHandle key) {
        boolean isPrivate = key.type().equals("private");
        return switch (format) {
            case "spki" -> {
                if (isPrivate) {
                    throw CryptoFailure.invalidAccess("'spki' export needs a public key");
                }
                yield key.key().getEncoded();
            }
            case "pkcs8" -> {
                if (!isPrivate) {
                    throw CryptoFailure.invalidAccess("'pkcs8' export needs a private key");
                }
                yield key.key().getEncoded();
            }
            case "jwk" -> exportJwk(key);
            default -> throw CryptoFailure.notSupported("unsupported export format '" + format + "' for " + name);
        };
    }

    private Map<String, Object> exportJwk(CryptoKeyHandle key) {
        Map<String, Object> jwk = Jwk.export("RSA", key);
        jwk.put("alg", jwkAlg(ShaHash.of(key)));
        if (key.key() instanceof RSAPublicKey publicKey) {
            jwk.put("n", Base64Url.encode(publicKey.getModulus(), 0));
            jwk.put("e", Base64Url.encode(publicKey.getPublicExponent(), 0));
        } else if (key.key() instanceof RSAPrivateCrtKey crt) {
            jwk.put("n", Base64Url.encode(crt.getModulus(), 0));
            jwk.put("e", Base64Url.encode(crt.getPublicExponent(), 0));
            jwk.put("d", Base64Url.encode(crt.getPrivateExponent(), 0));
            jwk.put("p", Base64Url.encode(crt.getPrimeP(), 0));
            jwk.put("q", Base64Url.encode(crt.getPrimeQ(), 0));
            jwk.put("dp", Base64Url.encode(crt.getPrimeExponentP(), 0));
            jwk.put("dq", Base64Url.encode(crt.getPrimeExponentQ(), 0));
            jwk.put("qi", Base64Url.encode(crt.getCrtCoefficient(), 0));
        } else {
            throw CryptoFailure.operation("this RSA private key has no CRT parameters and cannot be a JWK");
        }
        return jwk;
    }

    @Override
    public byte[] encrypt(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        return oaep(javax.crypto.Cipher.ENCRYPT_MODE, "public", params, key, data);
    }

    @Override
    public byte[] decrypt(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        return oaep(javax.crypto.Cipher.DECRYPT_MODE, "private", params, key, data);
    }

    private byte[] oaep(int mode, String keyType, AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        if (!oaep()) {
            throw CryptoAlgorithm.unsupported(name, mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt");
        }
        if (!key.type().equals(keyType)) {
            throw CryptoFailure.invalidAccess("RSA-OAEP needs a " + keyType + " key here");
        }
        String hash = ShaHash.of(key).jdkDigest;
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(mode, key.key(), new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                    new PSource.PSpecified(params.bytesOr("label", new byte[0]))));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.operation("RSA-OAEP " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
                    + " failed: " + e.getMessage());
        }
    }

    @Override
    public byte[] sign(AlgorithmParams params, CryptoKeyHandle key, byte[] data) {
        if (oaep()) {
            throw CryptoAlgorithm.unsupported(name, "sign");
        }
        return Signer.sign(name, key, () -> signature(params, ShaHash.of(key)), data);
    }

    @Override
    public boolean verify(AlgorithmParams params, CryptoKeyHandle key, byte[] signature, byte[] data) {
        if (oaep()) {
            throw CryptoAlgorithm.unsupported(name, "verify");
        }
        return Signer.verify(name, key, () -> signature(params, ShaHash.of(key)), signature, data);
    }

    private Signature signature(AlgorithmParams params, ShaHash hash) throws GeneralSecurityException {
        if (name.equals("RSASSA-PKCS1-v1_5")) {
            return Signature.getInstance(hash.jdkShort() + "withRSA");
        }
        long saltLength = params.integer("saltLength");
        if (saltLength < 0) {
            throw CryptoFailure.operation("saltLength must not be negative");
        }
        Signature signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec(hash.jdkDigest, "MGF1", new MGF1ParameterSpec(hash.jdkDigest),
                (int) saltLength, 1));
        return signature;
    }

    private String jwkAlg(ShaHash hash) {
        return switch (name) {
            case "RSA-OAEP" -> hash == ShaHash.SHA1 ? "RSA-OAEP" : "RSA-OAEP-" + hash.jwkSuffix;
            case "RSA-PSS" -> "PS" + hash.jwkSuffix;
            default -> "RS" + hash.jwkSuffix;
        };
    }

    private Map<String, Object> algorithm(ShaHash hash, RSAKey key) {
        Map<String, Object> algorithm = new LinkedHashMap<>();
        algorithm.put("name", name);
        algorithm.put("modulusLength", key.getModulus().bitLength());
        BigInteger exponent = key instanceof RSAPublicKey publicKey ? publicKey.getPublicExponent()
                : key instanceof RSAPrivateCrtKey crt ? crt.getPublicExponent() : BigInteger.ZERO;
        byte[] raw = exponent.toByteArray();
        algorithm.put("publicExponent", raw.length > 1 && raw[0] == 0 ? java.util.Arrays.copyOfRange(raw, 1, raw.length) : raw);
        algorithm.put("hash", Map.of("name", hash.webName));
        return algorithm;
    }
}
