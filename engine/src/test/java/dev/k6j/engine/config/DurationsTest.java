package dev.k6j.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsGoStyleDurationsAndMillisecondNumbers() {
        assertThat(Durations.parse("1h2m3s", "x")).isEqualTo(Duration.ofSeconds(3723));
        assertThat(Durations.parse("1.5s", "x")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("250ms", "x")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("10us", "x")).isEqualTo(Duration.ofNanos(10_000));
        assertThat(Durations.parse(500, "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("500", "x")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void rejectsTextThatIsNotADurationNamingTheOption() {
        assertThatThrownBy(() -> Durations.parse("5 minutes", "duration")).isInstanceOf(K6jException.class)
                .hasMessageContaining("'5 minutes'").hasMessageContaining("duration");
        assertThatThrownBy(() -> Durations.parse("s", "x")).isInstanceOf(K6jException.class);
    }

    @Test
    void formatsLikeK6() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofMinutes(10).plusSeconds(30))).isEqualTo("10m30s");
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h0m0s");
    }
}
