package dev.k6j.engine.vu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Log lines as logrus writes them for k6. */
class LogFormatTest {

    @Test
    void logfmtQuotesOnlyWhatLogrusQuotes() {
        String line = LogFormat.LOGFMT.line("warn", "careful", Map.of("source", "console"));
        assertThat(line).matches("time=\"[^\"]+\" level=warning msg=careful source=console");
        assertThat(LogFormat.LOGFMT.line("info", "hello {\"a\":1}\n\tat x", Map.of()))
                .endsWith("level=info msg=\"hello {\\\"a\\\":1}\\n\\tat x\"");
    }

    @Test
    void jsonHasSortedKeysAndRawIsTheMessage() {
        assertThat(LogFormat.JSON.line("error", "boom", Map.of("source", "console")))
                .matches("\\{\"level\":\"error\",\"msg\":\"boom\",\"source\":\"console\",\"time\":\"[^\"]+\"}");
        assertThat(LogFormat.RAW.line("info", "just this", Map.of("source", "console"))).isEqualTo("just this");
        assertThat(LogFormat.named("JSON")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.named("text")).isNull();
    }
}
