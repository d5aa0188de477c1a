package dev.k6j.engine.modules.crypto;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** How k6/crypto returns a digest: as text in one of four encodings, or as bytes ({@code "binary"}). */
public enum OutputEncoding {
    HEX("hex"),
    BASE64("base64"),
    BASE64URL("base64url"),
    BASE64RAWURL("base64rawurl"),
    BINARY("binary");

    private final String k6Name;

    OutputEncoding(String k6Name) {
        this.k6Name = k6Name;
    }

    /** The encoding k6 calls {@code name}, if there is one. */
    public static Optional<OutputEncoding> byName(String name) {
        for (OutputEncoding encoding : values()) {
            if (encoding.k6Name.equals(name)) {
                return Optional.of(encoding);
            }
        }
        return Optional.empty();
    }

    /** The digest as text; not for {@link #BINARY}. */
    public String encode(byte[] digest) {
        return switch (this) {
            case HEX -> HexFormat.of().formatHex(digest);
            case BASE64 -> Base64.getEncoder().encodeToString(digest);
            case BASE64URL -> Base64.getUrlEncoder().encodeToString(digest);
            case BASE64RAWURL -> Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            case BINARY -> throw new IllegalStateException("binary output is not text");
        };
    }
}
