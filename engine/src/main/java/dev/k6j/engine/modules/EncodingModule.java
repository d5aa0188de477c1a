package dev.k6j.engine.modules;

import dev.k6j.spi.Vu;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** The {@code k6/encoding} module: {@code b64encode} and {@code b64decode} with k6's four alphabets. */
public final class EncodingModule extends GlueModule {

    public EncodingModule() {
        super("k6/encoding", "encoding.js", Host::new);
    }

    /** Per-VU host of k6/encoding. VU thread only. */
    public record Host(Vu vu) {

        @HostAccess.Export
        public String encode(Value input, String encoding) {
            return encoder(encoding).encodeToString(bytes(input));
        }

        @HostAccess.Export
        public Value decode(String input, String encoding, String format) {
            byte[] decoded;
            try {
                decoded = decoder(encoding).decode(input);
            } catch (IllegalArgumentException e) {
                throw vu.jsError("Error", "b64decode: invalid base64 input: " + e.getMessage());
            }
            if ("s".equals(format)) {
                return vu.context().asValue(new String(decoded, StandardCharsets.UTF_8));
            }
            return vu.toJs(decoded);
        }

        private byte[] bytes(Value input) {
            if (input.isString()) {
                return input.asString().getBytes(StandardCharsets.UTF_8);
            }
            if (!(vu.fromJs(input) instanceof byte[] data)) {
                throw vu.jsError("TypeError", "b64encode: input must be a string or an ArrayBuffer");
            }
            return data;
        }

        private Base64.Encoder encoder(String encoding) {
            return switch (encoding) {
                case "", "std" -> Base64.getEncoder();
                case "rawstd" -> Base64.getEncoder().withoutPadding();
                case "url" -> Base64.getUrlEncoder();
                case "rawurl" -> Base64.getUrlEncoder().withoutPadding();
                default -> throw unknown(encoding);
            };
        }

        private Base64.Decoder decoder(String encoding) {
            // Java's decoders accept input with or without padding.
            return switch (encoding) {
                case "", "std", "rawstd" -> Base64.getDecoder();
                case "url", "rawurl" -> Base64.getUrlDecoder();
                default -> throw unknown(encoding);
            };
        }

        private RuntimeException unknown(String encoding) {
            return vu.jsError("TypeError", "unknown base64 encoding '" + encoding
                    + "': use std, rawstd, url or rawurl");
        }
    }
}
