package dev.k6j.engine.modules.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigesterTest {

    private static final String MILLION_A = "a".repeat(1_000_000);

    @ParameterizedTest(name = "MD4(\"{0}\")")
    @CsvSource({ // RFC 1320, appendix A.5
        "'', 31d6cfe0d16ae931b73c59d7e0c089c0",
        "a, bde52cb31de33e46245e05fbdbd6fb24",
        "abc, a448017aaf21d8525fc10ae87aa6729d",
        "message digest, d9130a8164549fe818874806e1c7014b",
        "abcdefghijklmnopqrstuvwxyz, d79e1c308aa5bbcdeea8ed63df412da9",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789, 043f8582f241db351ce627e153e7f0e4",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890, e33b4ddc9c38f2199c3e7b164fcc0536",
    })
    void md4MatchesRfc1320(String input, String hex) {
        assertThat(hash(HashAlgorithm.MD4, input)).isEqualTo(hex);
    }

    @ParameterizedTest(name = "RIPEMD-160(\"{0}\")")
    @CsvSource({ // the designers' test vectors
        "'', 9c1185a5c5e9fc54612808977ee8f548b2258d31",
        "a, 0bdc9d2d256b3ee9daae347be6f4dc835a467ffe",
        "abc, 8eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        "message digest, 5d0689ef49d2fae572b881b123a85ffa21595f36",
        "abcdefghijklmnopqrstuvwxyz, f71c27109c692c1b56bbdceb5b9d2865b3708dbc",
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq, 12a053384a9c0c88e405a06c27dcf49ada62eb2b",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789, b0e20b6e3116640286ed3a87a5713079b21f5189",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890, 9b752e45573d4b39f4dbd3323cab82bf63326bfb",
    })
    void ripemd160MatchesTheReferenceVectors(String input, String hex) {
        assertThat(hash(HashAlgorithm.RIPEMD160, input)).isEqualTo(hex);
    }

    @Test
    void ripemd160OfAMillionAs() {
        assertThat(hash(HashAlgorithm.RIPEMD160, MILLION_A)).isEqualTo("52783243c1697bdbe16d37f97f68f08325dc1528");
    }

    @Test
    void sha512TruncatedVariantsComeFromTheJdk() {
        assertThat(hash(HashAlgorithm.SHA512_224, "abc"))
                .isEqualTo("4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa");
        assertThat(hash(HashAlgorithm.SHA512_256, "abc"))
                .isEqualTo("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
    }

    @Test
    void hmacMatchesRfc4231TestCase2() {
        Digester hmac = Digester.hmac(HashAlgorithm.SHA256, bytes("Jefe"));
        hmac.update(bytes("what do ya want for nothing?"));
        assertThat(hex(hmac.sum())).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void hmacWithAKeyLongerThanTheBlockHashesTheKeyFirst() {  // RFC 4231 test case 6
        byte[] key = new byte[131];
        java.util.Arrays.fill(key, (byte) 0xaa);
        Digester hmac = Digester.hmac(HashAlgorithm.SHA512, key);
        hmac.update(bytes("Test Using Larger Than Block-Size Key - Hash Key First"));
        assertThat(hex(hmac.sum())).isEqualTo("80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
                + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598");
    }

    @Test
    void hmacAgreesWithTheJdkForEveryAlgorithmItHas() throws Exception {
        Random random = new Random(7);
        String[][] pairs = {{"md5", "HmacMD5"}, {"sha1", "HmacSHA1"}, {"sha256", "HmacSHA256"},
            {"sha384", "HmacSHA384"}, {"sha512", "HmacSHA512"}, {"sha512_224", "HmacSHA512/224"},
            {"sha512_256", "HmacSHA512/256"}};
        for (String[] pair : pairs) {
            for (int keyLength : new int[] {1, 5, 64, 128, 200}) {
                byte[] key = new byte[keyLength];
                byte[] data = new byte[random.nextInt(500)];
                random.nextBytes(key);
                random.nextBytes(data);
                Digester ours = Digester.hmac(HashAlgorithm.byName(pair[0]).orElseThrow(), key);
                ours.update(data);
                Mac jdk = Mac.getInstance(pair[1]);
                jdk.init(new SecretKeySpec(key, pair[1]));
                assertThat(hex(ours.sum())).as(pair[0] + " key " + keyLength).isEqualTo(hex(jdk.doFinal(data)));
            }
        }
    }

    @Test
    void hmacMd4AndRipemd160FollowRfc2104() {
        Digester md4 = Digester.hmac(HashAlgorithm.MD4, bytes("key"));
        md4.update(bytes("The quick brown fox jumps over the lazy dog"));
        Digester ripemd = Digester.hmac(HashAlgorithm.RIPEMD160, bytes("Jefe"));
        ripemd.update(bytes("what do ya want for nothing?"));
        assertThat(hex(ripemd.sum())).isEqualTo("dda6c0213a485a9e24f4742064a7f033b43c4069"); // RFC 2286
        assertThat(hex(md4.sum())).isEqualTo("8d3366c440a9c65124ab0b5f4ca27338"); // as BouncyCastle computes it
    }

    @Test
    void aSumCanBeTakenAndTheHashFedFurther() {
        Digester hash = Digester.hash(HashAlgorithm.RIPEMD160);
        hash.update(bytes("ab"));
        assertThat(hex(hash.sum())).isEqualTo(hash(HashAlgorithm.RIPEMD160, "ab"));
        hash.update(bytes("c"));
        assertThat(hex(hash.sum())).isEqualTo("8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
        Digester hmac = Digester.hmac(HashAlgorithm.SHA256, bytes("Jefe"));
        hmac.update(bytes("what do ya want "));
        hmac.sum();
        hmac.update(bytes("for nothing?"));
        assertThat(hex(hmac.sum())).startsWith("5bdcc146");
    }

    private static String hash(HashAlgorithm algorithm, String input) {
        Digester digester = Digester.hash(algorithm);
        digester.update(bytes(input));
        return hex(digester.sum());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }
}
