package dev.k6j.spi;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private keys in the PEM forms Go's {@code crypto/tls} reads, and so k6 users have: PKCS#8
 * ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) and SEC1 EC ({@code BEGIN EC PRIVATE KEY}).
 * The JDK (and Netty on it) reads PKCS#8 only, so the other two are wrapped into it — just enough DER for that.
 * Stateless.
 *
 * <pre>{@code
 * SslContextBuilder.forClient().keyManager(certificateStream, PemKeys.toPkcs8(keyPem)) ...  // Netty
 * PrivateKey key = PemKeys.privateKey(Files.readString(keyFile));                            // the JDK
 * }</pre>
 */
public final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+?)-----END \\1-----");
    /** The OID TLV of rsaEncryption, 1.2.840.113549.1.1.1. */
    private static final byte[] RSA_ENCRYPTION = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D,
        0x01, 0x01, 0x01};
    /** The OID TLV of id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final byte[] NULL = {0x05, 0x00};

    private PemKeys() {
    }

    /**
     * {@code pem} with its PKCS#1 RSA and SEC1 EC private-key blocks turned into PKCS#8 {@code PRIVATE KEY} blocks;
     * everything else (certificates, PKCS#8 keys, encrypted PKCS#8 keys) as it is.
     *
     * @throws IllegalArgumentException for an encrypted PKCS#1 or SEC1 key (OpenSSL's {@code Proc-Type} form), with
     *     the command that converts it, or an EC key that names no curve
     */
    public static String toPkcs8(String pem) {
        refuseLegacyEncryption(pem);
        Matcher block = BLOCK.matcher(pem);
        StringBuilder out = new StringBuilder(pem.length() + 64);
        while (block.find()) {
            byte[] pkcs8 = pkcs8(block.group(1), Base64.getMimeDecoder().decode(block.group(2)));
            String replacement = pkcs8 == null || block.group(1).equals("PRIVATE KEY") ? block.group()
                    : "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                            .encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----";
            block.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        block.appendTail(out);
        return out.toString();
    }

    /**
     * The first private key in {@code pem}: RSA, EC or Ed25519, in any of the three forms.
     *
     * @throws IllegalArgumentException when there is none, it is encrypted, or the JDK cannot read it
     */
    public static PrivateKey privateKey(String pem) {
        refuseLegacyEncryption(pem);
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            byte[] pkcs8 = pkcs8(block.group(1), Base64.getMimeDecoder().decode(block.group(2)));
            if (pkcs8 == null) {
                continue;
            }
            for (String algorithm : List.of("RSA", "EC", "Ed25519", "EdDSA")) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                } catch (GeneralSecurityException wrongAlgorithm) {
                    // try the next one
                }
            }
            throw new IllegalArgumentException("not an RSA, EC or Ed25519 key");
        }
        throw new IllegalArgumentException("it holds no unencrypted PEM PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY"
                + " block");
    }

    private static void refuseLegacyEncryption(String pem) {
        if (pem.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new IllegalArgumentException("encrypted PKCS#1 and SEC1 keys are not supported; convert with:"
                    + " openssl pkcs8 -topk8 -in key.pem -out key8.pem");
        }
    }

    /** The PKCS#8 DER of a key block, or null when the block is no unencrypted private key. */
    private static byte[] pkcs8(String type, byte[] der) {
        return switch (type) {
            case "PRIVATE KEY" -> der;
            case "RSA PRIVATE KEY" -> privateKeyInfo(RSA_ENCRYPTION, NULL, der);
            case "EC PRIVATE KEY" -> privateKeyInfo(EC_PUBLIC_KEY, ecCurve(der), der);
            default -> null;
        };
    }

    /** A PKCS#8 {@code PrivateKeyInfo}: version 0, the algorithm with its parameters, the key as an octet string. */
    private static byte[] privateKeyInfo(byte[] algorithm, byte[] parameters, byte[] key) {
        byte[] algorithmId = tlv(0x30, concat(algorithm, parameters));
        return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithmId, tlv(0x04, key)));
    }

    /** The curve OID TLV in a SEC1 {@code ECPrivateKey} (its {@code [0] parameters}). */
    private static byte[] ecCurve(byte[] sec1) {
        int[] outer = header(sec1, 0);
        int at = outer[0];
        int end = at + outer[1];
        while (at < end) {
            int tag = sec1[at] & 0xFF;
            int[] element = header(sec1, at);
            if (tag == 0xA0) {
                return Arrays.copyOfRange(sec1, element[0], element[0] + element[1]);
            }
            at = element[0] + element[1];
        }
        throw new IllegalArgumentException("the EC private key names no curve: convert it to PKCS#8 with"
                + " openssl pkcs8 -topk8 -nocrypt");
    }

    /** {content offset, content length} of the TLV at {@code at}. */
    private static int[] header(byte[] der, int at) {
        int lengthByte = der[at + 1] & 0xFF;
        if (lengthByte < 0x80) {
            return new int[] {at + 2, lengthByte};
        }
        int octets = lengthByte & 0x7F;
        int length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xFF);
        }
        return new int[] {at + 2 + octets, length};
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
