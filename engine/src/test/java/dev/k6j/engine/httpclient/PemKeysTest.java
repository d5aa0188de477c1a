package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
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
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
        String converted = PemKeys.toPkcs8(pem);
        String body = converted.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey read = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(body)));
        assertThat(((RSAPrivateCrtKey) read).getModulus()).isEqualTo(((RSAPrivateCrtKey) key).getModulus());
    }

    @Test
    void pkcs8KeysAreLeftAsTheyAre() {
        String pem = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        assertThat(PemKeys.toPkcs8(pem)).isEqualTo(pem);
    }
}
