package dev.k6j.engine.summary;

import java.text.Normalizer;

/**
 * Terminal text as k6's summary code handles it: its {@code decorate} (ANSI SGR colours, or nothing) and its
 * {@code strWidth} (code points after NFKC normalisation, not counting escape sequences). Immutable.
 */
final class Ansi {

    static final int BOLD = 1;
    static final int FAINT = 2;
    static final int RED = 31;
    static final int GREEN = 32;
    static final int CYAN = 36;

    private final boolean enabled;

    Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@code text} in the given attributes, when colours are on. */
    String decorate(String text, int color, int... more) {
        if (!enabled) {
            return text;
        }
        StringBuilder result = new StringBuilder("\u001b[").append(color);
        for (int attribute : more) {
            result.append(';').append(attribute);
        }
        return result.append('m').append(text).append("\u001b[0m").toString();
    }

    /** How many columns {@code text} takes on a terminal, ignoring escape sequences. */
    static int width(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        boolean inEscape = false;
        boolean inLongEscape = false;
        int width = 0;
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0x1b) {
                inEscape = true;
            } else if (inEscape && c == '[') {
                inLongEscape = true;
            } else if (inEscape && inLongEscape && c >= 0x40 && c <= 0x7e) {
                inEscape = false;
                inLongEscape = false;
            } else if (inEscape && !inLongEscape && c >= 0x40 && c <= 0x5f) {
                inEscape = false;
            } else if (!inEscape && !inLongEscape) {
                width++;
            }
        }
        return width;
    }
}
