package dev.k6j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoValuesTest {

    @Test
    void goDurationsTakeGoUnitsAndSignsAndNothingElse() {
        assertThat(GoValues.parseGoDuration("1h2m3.5s")).isEqualTo(Duration.ofMillis(3_723_500));
        assertThat(GoValues.parseGoDuration("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(GoValues.parseGoDuration("3µs")).isEqualTo(Duration.ofNanos(3_000));
        assertThat(GoValues.parseGoDuration("3μs")).isEqualTo(Duration.ofNanos(3_000));
        assertThat(GoValues.parseGoDuration(".5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(GoValues.parseGoDuration("-1.5m")).isEqualTo(Duration.ofSeconds(-90));
        assertThat(GoValues.parseGoDuration("0")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> GoValues.parseGoDuration("please")).hasMessage("time: invalid duration \"please\"");
        assertThatThrownBy(() -> GoValues.parseGoDuration("5")).hasMessage("time: missing unit in duration \"5\"");
        assertThatThrownBy(() -> GoValues.parseGoDuration("1d")).hasMessage("time: unknown unit \"d\" in duration \"1d\"");
        assertThatThrownBy(() -> GoValues.parseGoDuration("5s ms")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoValues.parseGoDuration("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void k6DurationsAddMillisecondNumbersAndWholeDays() {
        assertThat(GoValues.parseDuration("500")).isEqualTo(Duration.ofMillis(500));
        assertThat(GoValues.parseDuration("1.5")).isEqualTo(Duration.ofNanos(1_500_000));
        assertThat(GoValues.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(GoValues.parseDuration("1d12h")).isEqualTo(Duration.ofHours(36));
        assertThat(GoValues.parseDuration("-1d12h")).isEqualTo(Duration.ofHours(-36));
        assertThat(GoValues.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> GoValues.parseDuration("1.5d")).hasMessageContaining("invalid syntax");
        assertThatThrownBy(() -> GoValues.parseDuration("5 minutes")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationValuesAreMillisecondNumbersOrK6Text() {
        assertThat(GoValues.durationValue(3000)).isEqualTo(Duration.ofSeconds(3));
        assertThat(GoValues.durationValue(400.5)).isEqualTo(Duration.ofNanos(400_500_000));
        assertThat(GoValues.durationValue("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> GoValues.durationValue(true)).hasMessage("unable to use type bool as a duration value");
    }

    @Test
    void booleansAreGoParseBools() {
        for (String yes : new String[] {"1", "t", "T", "true", "TRUE", "True"}) {
            assertThat(GoValues.parseBool(yes)).contains(true);
        }
        for (String no : new String[] {"0", "f", "F", "false", "FALSE", "False"}) {
            assertThat(GoValues.parseBool(no)).contains(false);
        }
        assertThat(GoValues.parseBool("yes")).isEmpty();
        assertThat(GoValues.parseBool("tRUE")).isEmpty();
    }

    @Test
    void configValuesNameTheirPlaceWhenWrong() {
        assertThat(new ConfigValue("K6_X_SSL", "t").bool()).isTrue();
        assertThat(new ConfigValue("json ssl", false).bool()).isFalse();
        assertThat(new ConfigValue("K6_X_INTERVAL", "1m").duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new ConfigValue("json interval", 250).duration()).isEqualTo(Duration.ofMillis(250));
        assertThat(new ConfigValue("K6_X_LIST", " a, b,,c ").list()).containsExactly("a", "b", "c");
        assertThat(new ConfigValue("json list", java.util.List.of("a", " b")).list()).containsExactly("a", "b");
        assertThatThrownBy(() -> new ConfigValue("K6_X_SSL", "yes").bool())
                .hasMessage("K6_X_SSL must be true or false, not 'yes'");
        assertThatThrownBy(() -> new ConfigValue("K6_X_INTERVAL", "soon").duration())
                .hasMessageStartingWith("K6_X_INTERVAL 'soon' is not a duration");
        assertThatThrownBy(() -> new ConfigValue("json topic", java.util.List.of("a")).text())
                .hasMessage("json topic must be a single value, not [a]");
    }
}
