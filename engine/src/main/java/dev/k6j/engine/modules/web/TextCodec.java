package dev.k6j.engine.modules.web;

import dev.k6j.engine.modules.JsBytes;
import dev.k6j.spi.Vu;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The Java side of the {@code TextEncoder} (UTF-8) and {@code TextDecoder} (UTF-8, UTF-16LE, UTF-16BE, as k6) globals
 * ({@code text.js}). VU thread.
 */
public final class TextCodec {

    private static final byte[] REPLACEMENT = {(byte) 0xef, (byte) 0xbf, (byte) 0xbd};

    private final Vu vu;

    public TextCodec(Vu vu) {
        this.vu = vu;
    }

    /** The UTF-8 bytes of {@code text}; lone surrogates become U+FFFD, as WHATWG's encoder makes them. */
    @HostAccess.Export
    public Value encode(String text) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT);
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return vu.toJs(out);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing encoder cannot fail", e);
        }
    }

    /** A decoder for the encoding {@code label} names; RangeError when k6 decodes no such encoding. */
    @HostAccess.Export
    public StreamingDecoder newDecoder(String label, boolean fatal, boolean ignoreBom) {
        String encoding = StreamingDecoder.encodingOf(label);
        if (encoding == null) {
            throw vu.jsError("RangeError", "The \"" + label + "\" encoding is not supported: use utf-8, utf-16le or "
                    + "utf-16be");
        }
        return new StreamingDecoder(encoding, fatal, ignoreBom);
    }

    @HostAccess.Export
    public String encodingOf(StreamingDecoder decoder) {
        return decoder.encoding();
    }

    @HostAccess.Export
    public String decode(StreamingDecoder decoder, Value input, boolean stream) {
        byte[] bytes = input == null || input.isNull() ? new byte[0] : JsBytes.binary(vu, input);
        if (bytes == null) {
            throw vu.jsError("TypeError", "TextDecoder.decode needs an ArrayBuffer, a typed array or a DataView");
        }
        try {
            return decoder.decode(bytes, stream);
        } catch (CharacterCodingException e) {
            throw vu.jsError("TypeError", "The encoded data was not valid for encoding " + decoder.encoding());
        }
    }
}
