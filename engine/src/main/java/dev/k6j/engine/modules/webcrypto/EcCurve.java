package dev.k6j.engine.modules.webcrypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;

/**
 * The NIST curves WebCrypto names P-256, P-384 and P-521: their JDK parameters, the point encodings of raw keys
 * (SEC 1, uncompressed and compressed), and the one piece of point arithmetic the JDK does not expose, deriving a
 * public point from a private scalar (used only when exporting a private key as a JWK).
 */
enum EcCurve {
    P256("P-256", "secp256r1", 32),
    P384("P-384", "secp384r1", 48),
    P521("P-521", "secp521r1", 66);

    final String webName;
    final String jdkName;
    /** Bytes of one coordinate. */
    final int size;
    private final ECParameterSpec spec;

    EcCurve(String webName, String jdkName, int size) {
        this.webName = webName;
        this.jdkName = jdkName;
        this.size = size;
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(jdkName));
            this.spec = parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + jdkName, e);
        }
    }

    static EcCurve byName(String name) {
        for (EcCurve curve : values()) {
            if (curve.webName.equals(name)) {
                return curve;
            }
        }
        throw CryptoFailure.notSupported("unsupported named curve '" + name + "', use P-256, P-384 or P-521");
    }

    /** The curve of JDK key parameters, recognised by its order. */
    static EcCurve of(ECParameterSpec params) {
        for (EcCurve curve : values()) {
            if (curve.spec.getOrder().equals(params.getOrder())) {
                return curve;
            }
        }
        throw CryptoFailure.notSupported("the key is on a curve WebCrypto does not support");
    }

    ECParameterSpec spec() {
        return spec;
    }

    /** SEC 1 uncompressed encoding: 0x04, X, Y. */
    byte[] encode(ECPoint point) {
        byte[] out = new byte[1 + 2 * size];
        out[0] = 4;
        copyInto(point.getAffineX(), out, 1);
        copyInto(point.getAffineY(), out, 1 + size);
        return out;
    }

    /** Decodes an uncompressed or compressed point and checks it lies on the curve. */
    ECPoint decode(byte[] data) {
        BigInteger p = prime();
        if (data.length == 1 + 2 * size && data[0] == 4) {
            ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(data, 1, 1 + size)),
                    new BigInteger(1, Arrays.copyOfRange(data, 1 + size, data.length)));
            return checked(point);
        }
        if (data.length == 1 + size && (data[0] == 2 || data[0] == 3)) {
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(data, 1, data.length));
            BigInteger rhs = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
            // p = 3 (mod 4) for all three curves, so a square root is rhs^((p+1)/4).
            BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
            if (y.testBit(0) != (data[0] == 3)) {
                y = p.subtract(y);
            }
            return checked(new ECPoint(x, y));
        }
        throw CryptoFailure.data("invalid " + webName + " point encoding (" + data.length + " bytes)");
    }

    /** Checks that {@code point} satisfies y² = x³ + ax + b; DataError otherwise. */
    ECPoint checked(ECPoint point) {
        BigInteger p = prime();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        BigInteger lhs = y.pow(2).mod(p);
        BigInteger rhs = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0 || !lhs.equals(rhs)) {
            throw CryptoFailure.data("the point is not on curve " + webName);
        }
        return point;
    }

    /** d·G, by double-and-add in affine coordinates. Not constant-time: export only, never signing. */
    ECPoint publicPoint(BigInteger d) {
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = spec.getGenerator();
        for (int i = 0; i < d.bitLength(); i++) {
            if (d.testBit(i)) {
                result = add(result, addend);
            }
            addend = add(addend, addend);
        }
        return result;
    }

    private ECPoint add(ECPoint a, ECPoint b) {
        if (a.equals(ECPoint.POINT_INFINITY)) {
            return b;
        }
        if (b.equals(ECPoint.POINT_INFINITY)) {
            return a;
        }
        BigInteger p = prime();
        BigInteger lambda;
        if (a.getAffineX().equals(b.getAffineX())) {
            if (!a.getAffineY().equals(b.getAffineY()) || a.getAffineY().signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger x = a.getAffineX();
            lambda = x.pow(2).multiply(BigInteger.valueOf(3)).add(spec.getCurve().getA())
                    .multiply(a.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = b.getAffineY().subtract(a.getAffineY())
                    .multiply(b.getAffineX().subtract(a.getAffineX()).modInverse(p)).mod(p);
        }
        BigInteger x = lambda.pow(2).subtract(a.getAffineX()).subtract(b.getAffineX()).mod(p);
        BigInteger y = lambda.multiply(a.getAffineX().subtract(x)).subtract(a.getAffineY()).mod(p);
        return new ECPoint(x, y);
    }

    private BigInteger prime() {
        return ((ECFieldFp) spec.getCurve().getField()).getP();
    }

    private void copyInto(BigInteger value, byte[] out, int offset) {
        byte[] raw = value.toByteArray();
        int skip = raw.length > size ? raw.length - size : 0;
        System.arraycopy(raw, skip, out, offset + size - (raw.length - skip), raw.length - skip);
    }
}
