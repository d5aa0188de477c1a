package dev.k6j.resolver.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpiRangeTest {

    @Test
    void rangesCompareVersionsByTheirNumbersAsTheEngineDoes() {
        assertThat(SpiRange.contains("[0.1,0.2)", "0.1.0-SNAPSHOT")).isTrue();
        assertThat(SpiRange.contains("[0.1,0.2)", "0.2.0")).isFalse();
        assertThat(SpiRange.contains("[0.2,)", "0.1.9")).isFalse();
        assertThat(SpiRange.contains("0.1", "3.0")).isTrue();
        assertThat(SpiRange.contains("[0.1]", "0.1.0")).isTrue();
    }

    @Test
    void aMalformedRangeIsRejected() {
        assertThatThrownBy(() -> SpiRange.contains("[0.1,0.2", "0.1")).isInstanceOf(IllegalArgumentException.class);
    }
}
