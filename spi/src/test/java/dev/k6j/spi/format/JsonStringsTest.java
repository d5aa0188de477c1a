package dev.k6j.spi.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonStringsTest {

    private static String json(String text, boolean escapeHtml) {
        StringBuilder out = new StringBuilder();
        JsonStrings.append(out, text, escapeHtml);
        return out.toString();
    }

    @Test
    void escapesLikeEasyjsonWithHtmlEscaping() {
        assertThat(json("http://x/?a=1&b=<2>", true)).isEqualTo("\"http://x/?a=1\\u0026b=\\u003c2\\u003e\"");
        assertThat(json("say \"hi\"\\", true)).isEqualTo("\"say \\\"hi\\\"\\\\\"");
        assertThat(json("a\nb\rc\td\u0001\u001f", true)).isEqualTo("\"a\\nb\\rc\\td\\u0001\\u001f\"");
        assertThat(json("line\u2028sep\u2029", true)).isEqualTo("\"line\\u2028sep\\u2029\"");
    }

    @Test
    void leavesHtmlCharactersWhenNotEscapingHtml() {
        assertThat(json("p(95)<500 && rate>0.9", false)).isEqualTo("\"p(95)<500 && rate>0.9\"");
    }

    @Test
    void keepsUnicodeAndReplacesBrokenSurrogates() {
        assertThat(json("héllo 😀", true)).isEqualTo("\"héllo 😀\"");
        assertThat(json("bad\ud800end", true)).isEqualTo("\"bad\\ufffdend\"");
    }
}
