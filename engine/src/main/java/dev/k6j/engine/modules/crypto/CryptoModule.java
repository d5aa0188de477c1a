package dev.k6j.engine.modules.crypto;

import dev.k6j.engine.modules.GlueModule;
import dev.k6j.engine.modules.JsBytes;
import dev.k6j.spi.Vu;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/crypto} module: one-shot hashes ({@code sha256(input, 'hex')}), HMAC, incremental
 * {@code createHash}/{@code createHMAC} hashers and {@code randomBytes}, with k6's names and error messages.
 */
public final class CryptoModule extends GlueModule {

    private static final SecureRandom RANDOM = new SecureRandom();

    public CryptoModule() {
        super("k6/crypto", "crypto.js", Host::new);
    }

    /** Per-VU host of k6/crypto. VU thread only. */
    public record Host(Vu vu) {

        @HostAccess.Export
        public Hasher createHash(String algorithm) {
            return new Hasher(vu, Digester.hash(algorithm(algorithm)));
        }

        @HostAccess.Export
        public Hasher createHMAC(String algorithm, Value secret) {
            HashAlgorithm hash = algorithm(algorithm);
            return new Hasher(vu, Digester.hmac(hash, JsBytes.of(vu, secret, "the HMAC secret")));
        }

        @HostAccess.Export
        public Value randomBytes(double size) {
            if (!(size >= 1) || size > Integer.MAX_VALUE) {
                throw vu.jsError("Error", "invalid size");
            }
            byte[] bytes = new byte[(int) size];
            RANDOM.nextBytes(bytes);
            return vu.toJs(bytes);
        }

        @HostAccess.Export
        public String hexEncode(Value data) {
            return HexFormat.of().formatHex(JsBytes.of(vu, data, "hexEncode's input"));
        }

        private HashAlgorithm algorithm(String name) {
            return HashAlgorithm.byName(name).orElseThrow(() -> vu.jsError("Error", "invalid algorithm: " + name));
        }
    }

    /** A k6 Hasher: {@code update(input)} and {@code digest(encoding)}, any number of times. VU thread only. */
    public static final class Hasher {
        private final Vu vu;
        private final Digester digester;

        Hasher(Vu vu, Digester digester) {
            this.vu = vu;
            this.digester = digester;
        }

        @HostAccess.Export
        public void update(Value input) {
            digester.update(JsBytes.of(vu, input, "the input"));
        }

        @HostAccess.Export
        public Value digest(String encoding) {
            OutputEncoding output = OutputEncoding.byName(encoding)
                    .orElseThrow(() -> vu.jsError("Error", "invalid output encoding: " + encoding));
            byte[] sum = digester.sum();
            return output == OutputEncoding.BINARY ? vu.toJs(sum) : vu.context().asValue(output.encode(sum));
        }
    }
}
