package dev.k6j.engine.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressRenderingTest {

    @Test
    void fixedWidthDurationsGrowWithTheMaximumAsK6s() {
        assertThat(ProgressFormats.fixedDuration(Duration.ofMillis(5000), Duration.ofSeconds(9))).isEqualTo("5.0s");
        assertThat(ProgressFormats.fixedDuration(Duration.ofMillis(5040), Duration.ofSeconds(10))).isEqualTo("05.0s");
        assertThat(ProgressFormats.fixedDuration(Duration.ofMillis(65_050), Duration.ofMinutes(5)))
                .isEqualTo("1m05.1s");
        assertThat(ProgressFormats.fixedDuration(Duration.ofSeconds(61), Duration.ofMinutes(30)))
                .isEqualTo("01m01.0s");
        assertThat(ProgressFormats.fixedDuration(Duration.ofSeconds(3661), Duration.ofHours(2)))
                .isEqualTo("1h01m01.0s");
        assertThat(ProgressFormats.fixedDuration(Duration.ofDays(3), Duration.ofDays(12)))
                .isEqualTo("03d00h00m00.0s");
        assertThat(ProgressFormats.intFormat(0)).isEqualTo("%01d");
        assertThat(ProgressFormats.intFormat(100)).isEqualTo("%03d");
        assertThat(ProgressFormats.floatFormat(20, 2)).isEqualTo("%05.2f");
    }

    @Test
    void barsAreAlignedAndFilledAsK6DrawsThem() {
        ProgressBar stats = ProgressBar.hijacked(() -> "running (05.0s), 10/10 VUs, 42 complete and 0 interrupted "
                + "iterations");
        ProgressBar first = ProgressBar.of("default", () -> Progress.of(0.5, "10 VUs", "05.0s/10s"));
        ProgressBar second = ProgressBar.of("slow", () -> Progress.of(1, "1 VUs", "10s"));
        second.setStatus(ProgressStatus.DONE);
        String tty = ProgressLines.render(List.of(stats, first, second), true, false, false, 7, 200, 0).text();
        assertThat(tty).isEqualTo("\u001b[K\n"
                + "running (05.0s), 10/10 VUs, 42 complete and 0 interrupted iterations\u001b[K\n"
                + "default   [==================>-------------------] 10 VUs  05.0s/10s\u001b[K\n"
                + "slow    ✓ [======================================] 1 VUs   10s\u001b[K\n");
        String plain = ProgressLines.render(List.of(first), false, false, false, 7, 80, -40).text();
        assertThat(plain).isEqualTo("\ndefault   [  50% ] 10 VUs  05.0s/10s\n");
    }

    @Test
    void onATerminalTheBlockMovesTheCursorBackToItsTop() {
        ProgressBar bar = ProgressBar.of("x", () -> Progress.of(0, "waiting"));
        String text = ProgressLines.render(List.of(bar), true, false, true, 1, 80, 0).text();
        assertThat(text).endsWith("\r\u001b[J\u001b[2A");
    }
}
