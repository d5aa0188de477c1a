package dev.k6j.engine.modules.webcrypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubtleCryptoTest {

    private static final String RFC8032_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC8032_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555f"
            + "b8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    private static final String RFC7748_ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";

    private final SubtleCrypto subtle = new SubtleCrypto();

    @Test
    void digestsMatchFips180() {
        assertThat(hex(subtle.digest("SHA-1", ascii("abc")))).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(hex(subtle.digest(Map.of("name", "sha-256"), ascii("abc"))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatThrownBy(() -> subtle.digest("MD5", ascii("abc"))).satisfies(e -> failure(e, "NotSupportedError"));
    }

    @Test
    void aesCbcMatchesSp800_38a() {
        CryptoKeyHandle key = aes("AES-CBC", "2b7e151628aed2a6abf7158809cf4f3c");
        Map<String, Object> params = Map.of("name", "AES-CBC", "iv", bytes("000102030405060708090a0b0c0d0e0f"));
        byte[] ciphertext = subtle.encrypt(params, key, bytes("6bc1bee22e409f96e93d7e117393172a"));
        assertThat(hex(ciphertext)).hasSize(64).startsWith("7649abac8119b246cee98e9b12e9197d"); // + a PKCS#7 block
        assertThat(hex(subtle.decrypt(params, key, ciphertext))).isEqualTo("6bc1bee22e409f96e93d7e117393172a");
    }

    @Test
    void aesCtrMatchesSp800_38a() {
        CryptoKeyHandle key = aes("AES-CTR", "2b7e151628aed2a6abf7158809cf4f3c");
        Map<String, Object> params = Map.of("name", "AES-CTR", "counter", bytes("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"),
                "length", 64L);
        assertThat(hex(subtle.encrypt(params, key, bytes("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"))))
                .isEqualTo("874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff");
    }

    @Test
    void aesGcmMatchesTheGcmSpecTestCase2AndRejectsATamperedTag() {
        CryptoKeyHandle key = aes("AES-GCM", "00000000000000000000000000000000");
        Map<String, Object> params = Map.of("name", "AES-GCM", "iv", new byte[12]);
        byte[] sealed = subtle.encrypt(params, key, new byte[16]);
        assertThat(hex(sealed)).isEqualTo("0388dace60b6a392f328c2b971b2fe78" + "ab6e47d42cec13bdf53a67b21257bddf");
        sealed[20] ^= 1;
        assertThatThrownBy(() -> subtle.decrypt(params, key, sealed)).satisfies(e -> failure(e, "OperationError"));
    }

    @Test
    void hmacMatchesRfc4231AndVerifies() {
        CryptoKeyHandle key = subtle.importKey("raw", ascii("Jefe"), Map.of("name", "HMAC", "hash", "SHA-256"), true,
                List.of("sign", "verify"));
        byte[] data = ascii("what do ya want for nothing?");
        byte[] mac = subtle.sign("HMAC", key, data);
        assertThat(hex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(subtle.verify("HMAC", key, mac, data)).isTrue();
        assertThat(subtle.verify("HMAC", key, mac, ascii("something else"))).isFalse();
        assertThat(key.algorithm()).containsEntry("length", 32);
    }

    @Test
    void generatedHmacKeysDefaultToTheHashBlockSize() {
        CryptoKeyHandle key = (CryptoKeyHandle) subtle.generateKey(Map.of("name", "HMAC", "hash", Map.of("name", "SHA-512")),
                true, List.of("sign"));
        assertThat(key.secret()).hasSize(128);
        assertThat(key.algorithm()).containsEntry("length", 1024);
    }

    @Test
    void pbkdf2MatchesRfc6070AndRfc7914() {
        CryptoKeyHandle password = subtle.importKey("raw", ascii("password"), "PBKDF2", false, List.of("deriveBits"));
        assertThat(hex(subtle.deriveBits(pbkdf2("SHA-1", "salt", 1), password, 160)))
                .isEqualTo("0c60c80f961f0e71f3a9b524af6012062fe037a6");
        assertThat(hex(subtle.deriveBits(pbkdf2("SHA-1", "salt", 4096), password, 160)))
                .isEqualTo("4b007901b765489abead49d926f721d065a429c1");
        CryptoKeyHandle passwd = subtle.importKey("raw", ascii("passwd"), "PBKDF2", false, List.of("deriveBits"));
        assertThat(hex(subtle.deriveBits(pbkdf2("SHA-256", "salt", 1), passwd, 512))).isEqualTo(
                "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        assertThatThrownBy(() -> subtle.importKey("raw", ascii("x"), "PBKDF2", true, List.of("deriveBits")))
                .satisfies(e -> failure(e, "SyntaxError"));
    }

    @Test
    void pbkdf2AcceptsAnEmptyPassword() {
        CryptoKeyHandle empty = subtle.importKey("raw", new byte[0], "PBKDF2", false, List.of("deriveBits"));
        assertThat(subtle.deriveBits(pbkdf2("SHA-256", "salt", 2), empty, 256)).hasSize(32);
    }

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        byte[] ikm = new byte[22];
        java.util.Arrays.fill(ikm, (byte) 0x0b);
        CryptoKeyHandle key = subtle.importKey("raw", ikm, "HKDF", false, List.of("deriveBits"));
        Map<String, Object> params = Map.of("name", "HKDF", "hash", "SHA-256",
                "salt", bytes("000102030405060708090a0b0c"), "info", bytes("f0f1f2f3f4f5f6f7f8f9"));
        assertThat(hex(subtle.deriveBits(params, key, 42 * 8))).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void deriveKeyTurnsPbkdf2BitsIntoAnAesKey() {
        CryptoKeyHandle password = subtle.importKey("raw", ascii("password"), "PBKDF2", false, List.of("deriveKey"));
        CryptoKeyHandle aes = subtle.deriveKey(pbkdf2("SHA-256", "salt", 1000), password,
                Map.of("name", "AES-GCM", "length", 256L), true, List.of("encrypt"));
        assertThat(aes.algorithm()).containsEntry("name", "AES-GCM").containsEntry("length", 256);
        assertThat(aes.secret()).hasSize(32);
    }

    @Test
    void ecdsaVerifiesTheRfc6979P256SignatureOfSample() {
        CryptoKeyHandle publicKey = subtle.importKey("jwk", ecJwk(null), ecdsa("P-256"), true, List.of("verify"));
        byte[] signature = bytes("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                + "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8");
        Map<String, Object> params = Map.of("name", "ECDSA", "hash", "SHA-256");
        assertThat(subtle.verify(params, publicKey, signature, ascii("sample"))).isTrue();
        assertThat(subtle.verify(params, publicKey, signature, ascii("samples"))).isFalse();
    }

    @Test
    void ecPrivateKeysFromPkcs8ExportAsJwkWithTheirPublicPoint() {
        CryptoKeyHandle jwkKey = subtle.importKey("jwk", ecJwk("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721"),
                ecdsa("P-256"), true, List.of("sign"));
        byte[] pkcs8 = (byte[]) subtle.exportKey("pkcs8", jwkKey);
        CryptoKeyHandle fromPkcs8 = subtle.importKey("pkcs8", pkcs8, ecdsa("P-256"), true, List.of("sign"));
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = (Map<String, Object>) subtle.exportKey("jwk", fromPkcs8);
        assertThat(jwk).containsEntry("x", b64url("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6"))
                .containsEntry("y", b64url("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299"))
                .containsEntry("crv", "P-256").containsEntry("kty", "EC");
    }

    @Test
    void ecdhMatchesRfc5903P256() {
        Map<String, Object> ecdh = Map.of("name", "ECDH", "namedCurve", "P-256");
        CryptoKeyHandle mine = subtle.importKey("jwk", Map.of("kty", "EC", "crv", "P-256",
                "x", b64url("DAD0B65394221CF9B051E1FECA5787D098DFE637FC90B9EF945D0C3772581180"),
                "y", b64url("5271A0461CDB8252D61F1C456FA3E59AB1F45B33ACCF5F58389E0577B8990BB3"),
                "d", b64url("C88F01F510D9AC3F70A292DAA2316DE544E9AAB8AFE84049C62A9C57862D1433")),
                ecdh, false, List.of("deriveBits"));
        byte[] theirs = bytes("04" + "D12DFB5289C8D4F81208B70270398C342296970A0BCCB74C736FC7554494BF63"
                + "56FBF3CA366CC23E8157854C13C58D6AAC23F046ADA30F8353E74F33039872AB");
        CryptoKeyHandle peer = subtle.importKey("raw", theirs, ecdh, true, List.of());
        byte[] shared = subtle.deriveBits(Map.of("name", "ECDH", "public", peer), mine, null);
        assertThat(hex(shared)).isEqualToIgnoringCase("D6840F6B42F6EDAFD13116E0E12565202FEF8E9ECE7DCE03812464D04B9442DE");
        assertThat(hex(subtle.deriveBits(Map.of("name", "ECDH", "public", peer), mine, 128))).hasSize(32);
    }

    @Test
    void compressedAndUncompressedPointsDecodeToTheSameKey() {
        EcCurve curve = EcCurve.P384;
        KeyPairHandle pair = (KeyPairHandle) subtle.generateKey(Map.of("name", "ECDH", "namedCurve", "P-384"), true,
                List.of("deriveBits"));
        byte[] raw = (byte[]) subtle.exportKey("raw", pair.publicKey());
        byte[] compressed = new byte[1 + curve.size];
        compressed[0] = (byte) (2 + (raw[raw.length - 1] & 1));
        System.arraycopy(raw, 1, compressed, 1, curve.size);
        assertThat(curve.decode(compressed)).isEqualTo(curve.decode(raw));
    }

    @Test
    void rsaKeysRoundTripThroughJwkAndSignEncrypt() {
        Map<String, Object> pss = rsa("RSA-PSS");
        KeyPairHandle pair = (KeyPairHandle) subtle.generateKey(pss, true, List.of("sign", "verify"));
        assertThat(pair.publicKey().usages()).containsExactly("verify");
        assertThat(pair.privateKey().usages()).containsExactly("sign");
        assertThat(pair.publicKey().algorithm()).containsEntry("modulusLength", 1024);
        Map<String, Object> params = Map.of("name", "RSA-PSS", "saltLength", 32L);
        byte[] signature = subtle.sign(params, pair.privateKey(), ascii("data"));
        @SuppressWarnings("unchecked")
        Map<String, Object> publicJwk = (Map<String, Object>) subtle.exportKey("jwk", pair.publicKey());
        assertThat(publicJwk).containsEntry("alg", "PS256").containsEntry("e", "AQAB");
        CryptoKeyHandle imported = subtle.importKey("jwk", publicJwk, pss, true, List.of("verify"));
        assertThat(subtle.verify(params, imported, signature, ascii("data"))).isTrue();

        KeyPairHandle oaep = (KeyPairHandle) subtle.generateKey(rsa("RSA-OAEP"), true, List.of("encrypt", "decrypt"));
        Map<String, Object> label = Map.of("name", "RSA-OAEP", "label", ascii("L"));
        byte[] sealed = subtle.encrypt(label, oaep.publicKey(), ascii("secret"));
        @SuppressWarnings("unchecked")
        Map<String, Object> privateJwk = (Map<String, Object>) subtle.exportKey("jwk", oaep.privateKey());
        CryptoKeyHandle privateKey = subtle.importKey("jwk", privateJwk, rsa("RSA-OAEP"), false, List.of("decrypt"));
        assertThat(subtle.decrypt(label, privateKey, sealed)).isEqualTo(ascii("secret"));
        byte[] spki = (byte[]) subtle.exportKey("spki", oaep.publicKey());
        assertThat(subtle.importKey("spki", spki, rsa("RSA-OAEP"), true, List.of("encrypt")).type()).isEqualTo("public");
    }

    @Test
    void wrapKeyAndUnwrapKeyCarryAJwkThroughAesGcm() {
        CryptoKeyHandle kek = (CryptoKeyHandle) subtle.generateKey(Map.of("name", "AES-GCM", "length", 128L), false,
                List.of("wrapKey", "unwrapKey"));
        CryptoKeyHandle hmac = subtle.importKey("raw", ascii("Jefe"), Map.of("name", "HMAC", "hash", "SHA-256"), true,
                List.of("sign"));
        Map<String, Object> gcm = Map.of("name", "AES-GCM", "iv", new byte[12]);
        byte[] wrapped = subtle.wrapKey("jwk", hmac, kek, gcm);
        CryptoKeyHandle unwrapped = subtle.unwrapKey("jwk", wrapped, kek, gcm, Map.of("name", "HMAC", "hash", "SHA-256"),
                true, List.of("sign"));
        assertThat(unwrapped.secret()).isEqualTo(ascii("Jefe"));
    }

    @Test
    void ed25519SignsAndVerifiesRfc8032TestVector1() {
        Map<String, Object> jwk = new LinkedHashMap<>(Map.of("kty", "OKP", "crv", "Ed25519",
                "x", b64url(RFC8032_PUBLIC), "d", b64url(RFC8032_SECRET)));
        CryptoKeyHandle privateKey = subtle.importKey("jwk", jwk, "Ed25519", true, List.of("sign"));
        byte[] signature = subtle.sign("Ed25519", privateKey, new byte[0]);
        assertThat(hex(signature)).isEqualTo(RFC8032_SIGNATURE);

        CryptoKeyHandle publicKey = subtle.importKey("raw", bytes(RFC8032_PUBLIC), "ed25519", true, List.of("verify"));
        assertThat(subtle.verify("Ed25519", publicKey, signature, new byte[0])).isTrue();
        assertThat(subtle.verify("Ed25519", publicKey, signature, new byte[1])).isFalse();
        assertThat(subtle.verify("Ed25519", publicKey, new byte[3], new byte[0])).isFalse();
        assertThat(publicKey.algorithm()).containsExactly(Map.entry("name", "Ed25519"));
    }

    @Test
    void ed25519KeysRoundTripThroughEveryFormat() {
        CryptoKeyHandle fromSeed = subtle.importKey("pkcs8",
                bytes("302e020100300506032b657004220420" + RFC8032_SECRET), "Ed25519", true, List.of("sign"));
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = (Map<String, Object>) subtle.exportKey("jwk", fromSeed);
        assertThat(jwk).containsEntry("kty", "OKP").containsEntry("crv", "Ed25519")
                .containsEntry("x", b64url(RFC8032_PUBLIC)).containsEntry("d", b64url(RFC8032_SECRET))
                .containsEntry("key_ops", List.of("sign")).containsEntry("ext", true);
        assertThat(hex((byte[]) subtle.exportKey("pkcs8", fromSeed)))
                .isEqualTo("302e020100300506032b657004220420" + RFC8032_SECRET);

        KeyPairHandle pair = (KeyPairHandle) subtle.generateKey("Ed25519", false, List.of("sign", "verify"));
        assertThat(pair.publicKey().usages()).containsExactly("verify");
        assertThat(pair.privateKey().usages()).containsExactly("sign");
        byte[] spki = (byte[]) subtle.exportKey("spki", pair.publicKey());
        assertThat(hex(spki)).startsWith("302a300506032b6570032100").hasSize(88);
        CryptoKeyHandle imported = subtle.importKey("spki", spki, "Ed25519", true, List.of("verify"));
        byte[] signature = subtle.sign("Ed25519", pair.privateKey(), ascii("data"));
        assertThat(subtle.verify("Ed25519", imported, signature, ascii("data"))).isTrue();
        assertThatThrownBy(() -> subtle.exportKey("pkcs8", pair.privateKey()))
                .satisfies(e -> failure(e, "InvalidAccessError"));
        assertThatThrownBy(() -> subtle.exportKey("raw", fromSeed)).satisfies(e -> failure(e, "InvalidAccessError"));
    }

    @Test
    void ed25519RefusesBadKeysAndUsages() {
        assertThatThrownBy(() -> subtle.importKey("raw", new byte[31], "Ed25519", true, List.of("verify")))
                .satisfies(e -> failure(e, "DataError"));
        assertThatThrownBy(() -> subtle.importKey("raw", bytes(RFC8032_PUBLIC), "Ed25519", true, List.of("sign")))
                .satisfies(e -> failure(e, "SyntaxError"));
        assertThatThrownBy(() -> subtle.generateKey("Ed25519", true, List.of("deriveBits")))
                .satisfies(e -> failure(e, "SyntaxError"));
        Map<String, Object> wrongX = Map.of("kty", "OKP", "crv", "Ed25519", "x", b64url(RFC7748_ALICE_PUBLIC),
                "d", b64url(RFC8032_SECRET));
        assertThatThrownBy(() -> subtle.importKey("jwk", wrongX, "Ed25519", true, List.of("sign")))
                .satisfies(e -> failure(e, "DataError"));
        byte[] x25519Spki = bytes("302a300506032b656e032100" + RFC7748_ALICE_PUBLIC);
        assertThatThrownBy(() -> subtle.importKey("spki", x25519Spki, "Ed25519", true, List.of("verify")))
                .satisfies(e -> failure(e, "DataError"));
    }

    @Test
    void x25519DerivesTheRfc7748SharedSecret() {
        CryptoKeyHandle alice = subtle.importKey("pkcs8",
                bytes("302e020100300506032b656e04220420" + "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"),
                "X25519", true, List.of("deriveBits", "deriveKey"));
        CryptoKeyHandle bob = subtle.importKey("raw",
                bytes("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"), "X25519", true, List.of());
        byte[] shared = subtle.deriveBits(Map.of("name", "X25519", "public", bob), alice, null);
        assertThat(hex(shared)).isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertThat(hex(subtle.deriveBits(Map.of("name", "X25519", "public", bob), alice, 12))).isEqualTo("4a50");

        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = (Map<String, Object>) subtle.exportKey("jwk", alice);
        assertThat(jwk).containsEntry("crv", "X25519").containsEntry("x", b64url(RFC7748_ALICE_PUBLIC));
        CryptoKeyHandle aes = subtle.deriveKey(Map.of("name", "X25519", "public", bob), alice,
                Map.of("name", "AES-GCM", "length", 256L), true, List.of("encrypt"));
        assertThat(hex(aes.secret())).isEqualTo(hex(shared));
    }

    @Test
    void x25519KeyPairsAgreeAndRefuseALowOrderPeer() {
        List<String> usages = List.of("deriveBits");
        KeyPairHandle a = (KeyPairHandle) subtle.generateKey("X25519", true, usages);
        KeyPairHandle b = (KeyPairHandle) subtle.generateKey("X25519", true, usages);
        assertThat(a.publicKey().usages()).isEmpty();
        assertThat(subtle.deriveBits(Map.of("name", "X25519", "public", b.publicKey()), a.privateKey(), 256))
                .isEqualTo(subtle.deriveBits(Map.of("name", "X25519", "public", a.publicKey()), b.privateKey(), 256));
        CryptoKeyHandle zero = subtle.importKey("raw", new byte[32], "X25519", true, List.of());
        assertThatThrownBy(() -> subtle.deriveBits(Map.of("name", "X25519", "public", zero), a.privateKey(), 256))
                .satisfies(e -> failure(e, "OperationError"));
        KeyPairHandle ed = (KeyPairHandle) subtle.generateKey("Ed25519", true, List.of("sign", "verify"));
        assertThatThrownBy(() -> subtle.deriveBits(Map.of("name", "X25519", "public", ed.publicKey()), a.privateKey(), 256))
                .satisfies(e -> failure(e, "InvalidAccessError"));
    }

    @Test
    void aesKwWrapsTheRfc3394Vector() {
        CryptoKeyHandle kek = subtle.importKey("raw", bytes("000102030405060708090a0b0c0d0e0f"), "AES-KW", true,
                List.of("wrapKey", "unwrapKey"));
        CryptoKeyHandle key = subtle.importKey("raw", bytes("00112233445566778899aabbccddeeff"), "AES-GCM", true,
                List.of("encrypt"));
        byte[] wrapped = subtle.wrapKey("raw", key, kek, "AES-KW");
        assertThat(hex(wrapped)).isEqualTo("1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5");
        CryptoKeyHandle unwrapped = subtle.unwrapKey("raw", wrapped, kek, Map.of("name", "aes-kw"), "AES-GCM", true,
                List.of("encrypt"));
        assertThat(hex(unwrapped.secret())).isEqualTo("00112233445566778899aabbccddeeff");
        wrapped[3] ^= 1;
        assertThatThrownBy(() -> subtle.unwrapKey("raw", wrapped, kek, "AES-KW", "AES-GCM", true, List.of("encrypt")))
                .satisfies(e -> failure(e, "OperationError"));
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = (Map<String, Object>) subtle.exportKey("jwk", kek);
        assertThat(jwk).containsEntry("alg", "A128KW");
    }

    @Test
    void aesKwOnlyWrapsKeys() {
        assertThatThrownBy(() -> subtle.generateKey(Map.of("name", "AES-KW", "length", 256L), true, List.of("encrypt")))
                .satisfies(e -> failure(e, "SyntaxError"));
        CryptoKeyHandle kek = (CryptoKeyHandle) subtle.generateKey(Map.of("name", "AES-KW", "length", 256L), true,
                List.of("wrapKey"));
        CryptoKeyHandle hmac = subtle.importKey("raw", ascii("Jefe"), Map.of("name", "HMAC", "hash", "SHA-256"), true,
                List.of("sign"));
        assertThatThrownBy(() -> subtle.wrapKey("raw", hmac, kek, "AES-KW")).satisfies(e -> failure(e, "OperationError"));
    }

    @Test
    void theSpecificationsChecksComeFirst() {
        CryptoKeyHandle key = aes("AES-GCM", "00000000000000000000000000000000");
        assertThatThrownBy(() -> subtle.encrypt(Map.of("name", "AES-CBC", "iv", new byte[16]), key, new byte[1]))
                .satisfies(e -> failure(e, "InvalidAccessError"));
        assertThatThrownBy(() -> subtle.sign("HMAC", key, new byte[1])).satisfies(e -> failure(e, "InvalidAccessError"));
        assertThatThrownBy(() -> subtle.generateKey(Map.of("name", "AES-GCM", "length", 128L), true, List.of("sign")))
                .satisfies(e -> failure(e, "SyntaxError"));
        assertThatThrownBy(() -> subtle.generateKey(Map.of("name", "AES-GCM", "length", 128L), true, List.of()))
                .satisfies(e -> failure(e, "SyntaxError"));
        assertThatThrownBy(() -> subtle.generateKey(Map.of("name", "X448"), true, List.of("sign")))
                .satisfies(e -> failure(e, "NotSupportedError"));
        assertThatThrownBy(() -> subtle.encrypt(Map.of("name", "AES-GCM"), key, new byte[1]))
                .satisfies(e -> failure(e, "TypeError"));
        assertThatThrownBy(() -> subtle.importKey("raw", new byte[15], "AES-GCM", true, List.of("encrypt")))
                .satisfies(e -> failure(e, "DataError"));
        CryptoKeyHandle locked = subtle.importKey("raw", new byte[16], "AES-GCM", false, List.of("encrypt"));
        assertThatThrownBy(() -> subtle.exportKey("raw", locked)).satisfies(e -> failure(e, "InvalidAccessError"));
    }

    @Test
    void aJwkMustAllowWhatTheImportAsksFor() {
        Map<String, Object> jwk = new LinkedHashMap<>(Map.of("kty", "oct", "k", b64url("00112233445566778899aabbccddeeff"),
                "alg", "A128GCM", "key_ops", List.of("encrypt")));
        assertThatThrownBy(() -> subtle.importKey("jwk", jwk, "AES-GCM", true, List.of("decrypt")))
                .satisfies(e -> failure(e, "DataError"));
        jwk.put("alg", "A128CBC");
        assertThatThrownBy(() -> subtle.importKey("jwk", jwk, "AES-GCM", true, List.of("encrypt")))
                .satisfies(e -> failure(e, "DataError"));
    }

    private CryptoKeyHandle aes(String name, String hexKey) {
        return subtle.importKey("raw", bytes(hexKey), name, true, List.of("encrypt", "decrypt"));
    }

    private static Map<String, Object> pbkdf2(String hash, String salt, long iterations) {
        return Map.of("name", "PBKDF2", "hash", hash, "salt", ascii(salt), "iterations", iterations);
    }

    private static Map<String, Object> ecdsa(String curve) {
        return Map.of("name", "ECDSA", "namedCurve", curve);
    }

    private static Map<String, Object> rsa(String name) {
        return Map.of("name", name, "modulusLength", 1024L, "publicExponent", new byte[] {1, 0, 1},
                "hash", Map.of("name", "SHA-256"));
    }

    /** The RFC 6979 A.2.5 P-256 key, public only unless {@code d} is given. */
    private static Map<String, Object> ecJwk(String d) {
        Map<String, Object> jwk = new LinkedHashMap<>(Map.of("kty", "EC", "crv", "P-256",
                "x", b64url("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6"),
                "y", b64url("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299")));
        if (d != null) {
            jwk.put("d", b64url(d));
        }
        return jwk;
    }

    private static void failure(Throwable e, String name) {
        assertThat(e).isInstanceOf(CryptoFailure.class);
        assertThat(((CryptoFailure) e).name()).as(e.getMessage()).isEqualTo(name);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
    }

    private static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }

    private static String b64url(String hex) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(hex));
    }
}
