package dev.k6j.spi.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GoTimesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void rfc3339NanoInUtcEndsWithZAndDropsAZeroFraction() {
        long time = 1614173830L * SECOND; // 2021-02-24T13:37:10Z
        assertThat(GoTimes.rfc3339Nano(time, ZoneOffset.UTC)).isEqualTo("2021-02-24T13:37:10Z");
    }

    @Test
    void rfc3339NanoKeepsNanosecondsWithoutTrailingZerosAndTheOffset() {
        long time = 1494333285L * SECOND + 625742514L;
        assertThat(GoTimes.rfc3339Nano(time, ZoneOffset.ofHours(2))).isEqualTo("2017-05-09T14:34:45.625742514+02:00");
        assertThat(GoTimes.rfc3339Nano(1562324644L * SECOND + 6482125, ZoneOffset.UTC))
                .isEqualTo("2019-07-05T11:04:04.006482125Z");
        assertThat(GoTimes.rfc3339Nano(1562324644L * SECOND + 500_000_000, ZoneOffset.UTC))
                .isEqualTo("2019-07-05T11:04:04.5Z");
        assertThat(GoTimes.rfc3339Nano(1562324644L * SECOND + 120_000, ZoneId.of("America/St_Johns")))
                .isEqualTo("2019-07-05T08:34:04.00012-02:30");
    }

    @Test
    void rfc3339HasNoFraction() {
        long time = 1562324644L * SECOND + 6482125;
        assertThat(GoTimes.rfc3339(time, ZoneOffset.UTC)).isEqualTo("2019-07-05T11:04:04Z");
        assertThat(GoTimes.rfc3339(time, ZoneOffset.ofHours(2))).isEqualTo("2019-07-05T13:04:04+02:00");
    }
}
