package dev.k6j.engine.modules.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The state of one {@code TextDecoder} for UTF-8 (WHATWG Encoding): bad bytes become U+FFFD (or fail when
 * {@code fatal}), a leading byte order mark is dropped unless {@code ignoreBOM}, and with {@code stream} an incomplete
 * sequence at the end waits for the next call. One VU's thread only.
 */
public final class Utf8Decoder {

    private final boolean fatal;
    private final boolean ignoreBom;
    private final CharsetDecoder decoder;
    private byte[] pending = new byte[0];
    private boolean started;

    public Utf8Decoder(boolean fatal, boolean ignoreBom) {
        this.fatal = fatal;
        this.ignoreBom = ignoreBom;
        CodingErrorAction action = fatal ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        this.decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    }

    /**
     * Decodes {@code bytes} after what an earlier streaming call left over.
     *
     * @throws CharacterCodingException when {@code fatal} and the bytes are not UTF-8 (the decoder starts over)
     */
    public String decode(byte[] bytes, boolean stream) throws CharacterCodingException {
        byte[] input = pending.length == 0 ? bytes : concat(pending, bytes);
        ByteBuffer in = ByteBuffer.wrap(input);
        CharBuffer out = CharBuffer.allocate(input.length + 1);
        try {
            CoderResult result = decoder.decode(in, out, !stream);
            if (result.isError()) {
                result.throwException();
            }
            if (!stream) {
                result = decoder.flush(out);
                if (result.isError()) {
                    result.throwException();
                }
            }
        } catch (CharacterCodingException e) {
            reset();
            throw e;
        }
        pending = stream ? Arrays.copyOfRange(input, in.position(), input.length) : new byte[0];
        out.flip();
        String text = out.toString();
        if (!started && !ignoreBom && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        started = started || !text.isEmpty() || in.position() > 0;
        if (!stream) {
            reset();
        }
        return text;
    }

    /** Whether bad input fails instead of becoming U+FFFD. */
    public boolean fatal() {
        return fatal;
    }

    private void reset() {
        decoder.reset();
        pending = new byte[0];
        started = false;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
