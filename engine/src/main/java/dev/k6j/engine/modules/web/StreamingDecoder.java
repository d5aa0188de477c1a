package dev.k6j.engine.modules.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The state of one {@code TextDecoder} (WHATWG Encoding) for the encodings k6 decodes: UTF-8, UTF-16LE and UTF-16BE.
 * Bad bytes become U+FFFD (or fail when {@code fatal}), a leading byte order mark is dropped unless
 * {@code ignoreBOM}, and with {@code stream} an incomplete sequence at the end waits for the next call. One VU's
 * thread only.
 */
public final class StreamingDecoder {

    /** The WHATWG labels of each encoding, by the encoding's name. */
    private static final Map<String, List<String>> LABELS = Map.of(
            "utf-8", List.of("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"),
            "utf-16le", List.of("csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"),
            "utf-16be", List.of("unicodefffe", "utf-16be"));

    private final String encoding;
    private final boolean fatal;
    private final boolean ignoreBom;
    private final CharsetDecoder decoder; // UTF-8 only
    private byte[] pending = new byte[0];
    private boolean started;

    /** {@code encoding} is a name {@link #encodingOf} returned. */
    public StreamingDecoder(String encoding, boolean fatal, boolean ignoreBom) {
        this.encoding = encoding;
        this.fatal = fatal;
        this.ignoreBom = ignoreBom;
        CodingErrorAction action = fatal ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        this.decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    }

    /** The name of the encoding {@code label} stands for ({@code utf-8}, ...), or {@code null} when k6 has none. */
    public static String encodingOf(String label) {
        String name = label.strip().toLowerCase(Locale.ROOT);
        return LABELS.entrySet().stream().filter(e -> e.getValue().contains(name)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    public String encoding() {
        return encoding;
    }

    /**
     * Decodes {@code bytes} after what an earlier streaming call left over.
     *
     * @throws CharacterCodingException when {@code fatal} and the bytes are not in the encoding (the decoder starts
     *                                   over)
     */
    public String decode(byte[] bytes, boolean stream) throws CharacterCodingException {
        byte[] input = pending.length == 0 ? bytes : concat(pending, bytes);
        StringBuilder out = new StringBuilder(input.length + 2);
        int consumed;
        try {
            consumed = encoding.equals("utf-8") ? decodeUtf8(input, stream, out) : decodeUtf16(input, stream, out);
        } catch (CharacterCodingException e) {
            reset();
            throw e;
        }
        pending = Arrays.copyOfRange(input, consumed, input.length);
        String text = out.toString();
        if (!started && !ignoreBom && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        started = started || !text.isEmpty() || consumed > 0;
        if (!stream) {
            reset();
        }
        return text;
    }

    /** UTF-8 through the JDK's decoder, whose replacement of bad bytes is WHATWG's. Returns the bytes consumed. */
    private int decodeUtf8(byte[] input, boolean stream, StringBuilder text) throws CharacterCodingException {
        ByteBuffer in = ByteBuffer.wrap(input);
        CharBuffer out = CharBuffer.allocate(input.length + 1);
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
        text.append(out.flip());
        return in.position();
    }

    /**
     * UTF-16 as WHATWG's decoder reads it (the JDK's swallows the code unit after a lone lead surrogate): an unpaired
     * surrogate is one U+FFFD and the next unit is read again; an odd byte or a lead surrogate left at the end of the
     * input is one U+FFFD, or waits for more input when streaming. Returns the bytes consumed.
     */
    private int decodeUtf16(byte[] input, boolean stream, StringBuilder text) throws CharacterCodingException {
        int at = 0;
        while (at + 1 < input.length) {
            char unit = unitAt(input, at);
            if (Character.isHighSurrogate(unit)) {
                if (at + 3 >= input.length) {
                    break; // its trail may come next
                }
                char next = unitAt(input, at + 2);
                if (Character.isLowSurrogate(next)) {
                    text.append(unit).append(next);
                    at += 4;
                    continue;
                }
                replace(text);
            } else if (Character.isLowSurrogate(unit)) {
                replace(text);
            } else {
                text.append(unit);
            }
            at += 2;
        }
        if (!stream && at < input.length) {
            replace(text);
            return input.length;
        }
        return at;
    }

    private char unitAt(byte[] input, int at) {
        int first = input[at] & 0xff;
        int second = input[at + 1] & 0xff;
        return (char) (encoding.equals("utf-16be") ? first << 8 | second : second << 8 | first);
    }

    private void replace(StringBuilder text) throws CharacterCodingException {
        if (fatal) {
            throw new MalformedInputException(2);
        }
        text.append('\uFFFD');
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
