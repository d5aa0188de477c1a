package dev.k6j.engine.output.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The timestamps of k6's {@code TestSampleToRow}. */
class CsvTimeFormatTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void unixFormatsCountFromTheEpoch() {
        assertThat(CsvTimeFormat.UNIX.format(1562324644L * SECOND, ZoneOffset.UTC)).isEqualTo("1562324644");
        assertThat(CsvTimeFormat.UNIX_NANO.format(1562324644L * SECOND + 25, ZoneOffset.UTC))
                .isEqualTo("1562324644000000025");
        assertThat(CsvTimeFormat.UNIX_MICRO.format(1562324644L * SECOND + 2125, ZoneOffset.UTC))
                .isEqualTo("1562324644000002");
        assertThat(CsvTimeFormat.UNIX_MILLI.format(1562324644L * SECOND + 6482125, ZoneOffset.UTC))
                .isEqualTo("1562324644006");
    }

    @Test
    void rfc3339FormatsUseTheZone() {
        assertThat(CsvTimeFormat.RFC3339.format(1562324644L * SECOND + 6482125, ZoneOffset.ofHours(2)))
                .isEqualTo("2019-07-05T13:04:04+02:00");
        assertThat(CsvTimeFormat.RFC3339_NANO.format(1562324644L * SECOND + 6482125, ZoneOffset.UTC))
                .isEqualTo("2019-07-05T11:04:04.006482125Z");
    }

    @Test
    void namesAreK6s() {
        assertThat(CsvTimeFormat.fromK6Name("rfc3339_nano")).isEqualTo(CsvTimeFormat.RFC3339_NANO);
        assertThat(CsvTimeFormat.UNIX_MILLI.k6Name()).isEqualTo("unix_milli");
    }
}
