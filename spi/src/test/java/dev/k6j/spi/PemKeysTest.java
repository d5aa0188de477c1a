package dev.k6j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PemKeysTest {

    @Test
    void pkcs1RsaKeysBecomePkcs8KeysTheJdkReads() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey key = generator.generateKeyPair().getPrivate();
        byte[] pkcs8 = key.getEncoded();
        // The PKCS#1 key is the OCTET STRING at the end of the PKCS#8 structure (26 bytes of header for 2048 bits).
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        String pem = pem("RSA PRIVATE KEY", pkcs1);

        String converted = PemKeys.toPkcs8(pem);

        assertThat(converted).startsWith("-----BEGIN PRIVATE KEY-----");
        String body = converted.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey read = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(body)));
        assertThat(((RSAPrivateCrtKey) read).getModulus()).isEqualTo(((RSAPrivateCrtKey) key).getModulus());
        assertThat(((RSAPrivateCrtKey) PemKeys.privateKey(pem)).getModulus())
                .isEqualTo(((RSAPrivateCrtKey) key).getModulus());
    }

    @Test
    void sec1EcKeysBecomePkcs8KeysOnTheirCurve() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPrivateKey key = (ECPrivateKey) generator.generateKeyPair().getPrivate();
        // PKCS#8 of an EC key: version, the algorithm with the curve, then the SEC1 ECPrivateKey as an octet string.
        // The JDK's SEC1 omits the [0] curve, which OpenSSL and Go write; put it back as they do.
        byte[] sec1 = sec1WithCurve(key);
        String pem = pem("EC PRIVATE KEY", sec1);

        ECPrivateKey read = (ECPrivateKey) PemKeys.privateKey(PemKeys.toPkcs8(pem));

        assertThat(read.getS()).isEqualTo(key.getS());
        assertThat(((ECPrivateKey) PemKeys.privateKey(pem)).getS()).isEqualTo(key.getS());
    }

    @Test
    void pkcs8KeysAndCertificatesAreLeftAsTheyAre() {
        String pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
                + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        assertThat(PemKeys.toPkcs8(pem)).isEqualTo(pem);
    }

    @Test
    void legacyEncryptedKeysAreRefusedWithTheCommandThatConvertsThem() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n"
                + "-----END RSA PRIVATE KEY-----\n";
        assertThatThrownBy(() -> PemKeys.toPkcs8(pem)).hasMessageContaining("openssl pkcs8 -topk8");
        assertThatThrownBy(() -> PemKeys.privateKey(pem)).hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void textWithoutAKeyIsAnError() {
        assertThatThrownBy(() -> PemKeys.privateKey("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no unencrypted PEM");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END "
                + type + "-----\n";
    }

    /** SEC1 ECPrivateKey: SEQUENCE { version 1, privateKey OCTET STRING, [0] secp256r1 }. */
    private static byte[] sec1WithCurve(ECPrivateKey key) {
        byte[] s = key.getS().toByteArray();
        byte[] scalar = new byte[32];
        int from = Math.max(0, s.length - 32);
        System.arraycopy(s, from, scalar, 32 - (s.length - from), s.length - from);
        byte[] curve = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
        byte[] body = new byte[3 + 2 + 32 + 2 + curve.length];
        int at = 0;
        body[at++] = 0x02;
        body[at++] = 0x01;
        body[at++] = 0x01;
        body[at++] = 0x04;
        body[at++] = 32;
        System.arraycopy(scalar, 0, body, at, 32);
        at += 32;
        body[at++] = (byte) 0xA0;
        body[at++] = (byte) curve.length;
        System.arraycopy(curve, 0, body, at, curve.length);
        byte[] sequence = new byte[2 + body.length];
        sequence[0] = 0x30;
        sequence[1] = (byte) body.length;
        System.arraycopy(body, 0, sequence, 2, body.length);
        return sequence;
    }
}
