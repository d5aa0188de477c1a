package dev.k6j.engine.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import org.junit.jupiter.api.Test;

class SpiVersionRangeTest {

    @Test
    void aHalfOpenRangeHoldsItsLowerEndAndNotItsUpper() {
        SpiVersionRange range = SpiVersionRange.parse("[0.1,0.2)");

        assertThat(range.contains("0.1")).isTrue();
        assertThat(range.contains("0.1.0")).isTrue();
        assertThat(range.contains("0.1.7")).isTrue();
        assertThat(range.contains("0.2.0")).isFalse();
        assertThat(range.contains("0.0.9")).isFalse();
    }

    @Test
    void qualifiersAreIgnoredSoASnapshotCountsAsItsRelease() {
        assertThat(SpiVersionRange.parse("[0.1,0.2)").contains("0.1.0-SNAPSHOT")).isTrue();
        assertThat(SpiVersionRange.parse("[0.2,)").contains("0.2.0-rc1")).isTrue();
    }

    @Test
    void openEndsExactVersionsAndBareMinimums() {
        assertThat(SpiVersionRange.parse("[0.1,)").contains("7.0")).isTrue();
        assertThat(SpiVersionRange.parse("(,1.0]").contains("1.0")).isTrue();
        assertThat(SpiVersionRange.parse("(,1.0)").contains("1.0")).isFalse();
        assertThat(SpiVersionRange.parse("(0.1,0.3)").contains("0.1")).isFalse();
        assertThat(SpiVersionRange.parse("[0.1]").contains("0.1.0")).isTrue();
        assertThat(SpiVersionRange.parse("[0.1]").contains("0.1.1")).isFalse();
        assertThat(SpiVersionRange.parse("0.1").contains("0.3")).isTrue();
        assertThat(SpiVersionRange.parse("0.1").contains("0.0.5")).isFalse();
    }

    @Test
    void malformedRangesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> SpiVersionRange.parse("[0.1,0.2")).hasMessageContaining("must end with ] or )");
        assertThatThrownBy(() -> SpiVersionRange.parse("[a,b)")).hasMessageContaining("is not a version");
        assertThatThrownBy(() -> SpiVersionRange.parse("")).hasMessageContaining("empty");
    }

    @Test
    void theSpiCarriesItsVersion() {
        assertThat(SpiVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    }

    @Test
    void aMismatchIsAnInvalidConfigErrorNamingBothVersionsAndTheFix() {
        assertThatThrownBy(() -> SpiCompatibility.check("the plugin plugins/redis.jar", "[0.2,0.3)", "0.1.0"))
                .isInstanceOfSatisfying(K6jException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG))
                .hasMessage("the plugin plugins/redis.jar was built for the k6j SPI [0.2,0.3) but this engine has SPI"
                        + " 0.1.0: use a version of the extension built for SPI 0.1.0, or a k6j engine whose SPI is"
                        + " in [0.2,0.3)");
        assertThatThrownBy(() -> SpiCompatibility.check("x.jar", "latest", "0.1.0"))
                .hasMessageContaining("x.jar declares K6j-Spi-Requires: latest, which is not a version range");
        SpiCompatibility.check("x.jar", "[0.1,0.2)", "0.1.0-SNAPSHOT");
        SpiCompatibility.check("x.jar", null, "0.1.0");
    }
}
