package dev.k6j.engine.modules;

import dev.k6j.spi.Vu;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Value;

/** Reads the bytes a built-in module is given: a string (as UTF-8), an ArrayBuffer, a typed array or a DataView. */
public final class JsBytes {

    private JsBytes() {
    }

    /**
     * The bytes of {@code value}, or a {@code TypeError} naming {@code what} when it is none of the accepted kinds.
     * VU thread only.
     */
    public static byte[] of(Vu vu, Value value, String what) {
        if (value != null && value.isString()) {
            return value.asString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] binary = binary(vu, value);
        if (binary == null) {
            throw vu.jsError("TypeError", what + " must be a string, an ArrayBuffer or a typed array");
        }
        return binary;
    }

    /** The bytes of an ArrayBuffer, typed array or DataView; {@code null} for anything else. VU thread only. */
    public static byte[] binary(Vu vu, Value value) {
        if (value == null || value.isNull() || value.isString() || !value.hasMembers()) {
            return null;
        }
        return vu.fromJs(value) instanceof byte[] data ? data : null;
    }
}
