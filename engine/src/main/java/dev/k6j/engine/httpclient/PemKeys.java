package dev.k6j.engine.httpclient;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * Private keys of {@code tlsAuth} in the PEM forms k6 users have: PKCS#8 ({@code BEGIN PRIVATE KEY}, used as is)
 * and PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}, wrapped into PKCS#8, which is all the JDK reads). Stateless.
 */
final class PemKeys {

    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {
    }

    static String toPkcs8(String pem) {
        String begin = "-----BEGIN RSA PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        if (start < 0) {
            return pem;
        }
        int end = pem.indexOf("-----END RSA PRIVATE KEY-----", start);
        if (end < 0) {
            throw new IllegalArgumentException("tlsAuth key: unterminated RSA PRIVATE KEY block");
        }
        String body = pem.substring(start + begin.length(), end);
        if (body.contains("Proc-Type")) {
            throw new IllegalArgumentException("tlsAuth key: encrypted PKCS#1 keys are not supported; "
                    + "convert with: openssl pkcs8 -topk8 -in key.pem -out key8.pem");
        }
        byte[] pkcs1 = Base64.getMimeDecoder().decode(body);
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
        inner.writeBytes(RSA_ALGORITHM);
        inner.writeBytes(derHeader(0x04, pkcs1.length));
        inner.writeBytes(pkcs1);
        byte[] content = inner.toByteArray();
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.writeBytes(derHeader(0x30, content.length));
        der.writeBytes(content);
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der.toByteArray())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static byte[] derHeader(int tag, int length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) tag, (byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) tag, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
