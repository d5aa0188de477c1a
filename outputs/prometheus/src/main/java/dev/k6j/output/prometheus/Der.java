package dev.k6j.output.prometheus;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Just enough DER to turn the PKCS#1 (RSA) and SEC1 (EC) private keys that OpenSSL and Go write into the PKCS#8
 * form the JDK reads. Stateless.
 */
final class Der {

    /** The OID TLV of rsaEncryption, 1.2.840.113549.1.1.1. */
    static final byte[] RSA_ENCRYPTION = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01,
        0x01, 0x01};
    /** The OID TLV of id-ecPublicKey, 1.2.840.10045.2.1. */
    static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

    private static final byte[] NULL = {0x05, 0x00};

    private Der() {
    }

    /**
     * A PKCS#8 {@code PrivateKeyInfo} around a key: version 0, the algorithm with its parameters (the curve OID TLV
     * for EC, NULL when {@code parameters} is null), and the key as an octet string.
     */
    static byte[] pkcs8(byte[] algorithm, byte[] parameters, byte[] key) {
        byte[] algorithmId = tlv(0x30, concat(algorithm, parameters == null ? NULL : parameters));
        return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithmId, tlv(0x04, key)));
    }

    /** The curve OID TLV in a SEC1 {@code ECPrivateKey} (its {@code [0] parameters}). */
    static byte[] ecCurve(byte[] sec1) {
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
