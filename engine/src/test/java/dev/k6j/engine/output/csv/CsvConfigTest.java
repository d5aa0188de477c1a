package dev.k6j.engine.output.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvConfigTest {

    @Test
    void defaultsAreK6s() {
        assertThat(CsvConfig.from(Map.of(), Map.of(), ""))
                .isEqualTo(new CsvConfig("file.csv", Duration.ofSeconds(1), CsvTimeFormat.UNIX));
    }

    @Test
    void aPlainArgumentIsTheFileName() {
        assertThat(CsvConfig.from(Map.of(), Map.of(), "test_file.csv").fileName()).isEqualTo("test_file.csv");
    }

    @Test
    void keyValueArgumentsAsK6SpellsThem() {
        assertThat(CsvConfig.from(Map.of(), Map.of(), "saveInterval=5s"))
                .isEqualTo(new CsvConfig("file.csv", Duration.ofSeconds(5), CsvTimeFormat.UNIX));
        assertThat(CsvConfig.from(Map.of(), Map.of(), "fileName=test.csv,timeFormat=rfc3339"))
                .isEqualTo(new CsvConfig("test.csv", Duration.ofSeconds(1), CsvTimeFormat.RFC3339));
    }

    @Test
    void snakeCaseKeysAreAcceptedToo() {
        assertThat(CsvConfig.from(Map.of(), Map.of(), "file_name=x.csv,save_interval=2s,time_format=unix_milli"))
                .isEqualTo(new CsvConfig("x.csv", Duration.ofSeconds(2), CsvTimeFormat.UNIX_MILLI));
    }

    @Test
    void unknownKeysAndEmptyValuesAreErrors() {
        assertThatThrownBy(() -> CsvConfig.from(Map.of(), Map.of(), "filename=test.csv,saveInterval=5s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'filename'");
        assertThatThrownBy(() -> CsvConfig.from(Map.of(), Map.of(), "fileName="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("couldn't parse 'fileName='");
    }

    @Test
    void badValuesAreErrorsNamingTheOption() {
        assertThatThrownBy(() -> CsvConfig.from(Map.of(), Map.of(), "timeFormat=iso"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid timeFormat 'iso' for the csv output: use one of "
                        + "unix, unix_milli, unix_micro, unix_nano, rfc3339, rfc3339_nano");
        assertThatThrownBy(() -> CsvConfig.from(Map.of(), Map.of(), "saveInterval=soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("saveInterval");
        assertThatThrownBy(() -> CsvConfig.from(Map.of(), Map.of(), "saveInterval=0s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }

    @Test
    void laterSourcesWinConfigFileThenEnvironmentThenArgument() {
        Map<String, Object> file = Map.of("file_name", "from-file.csv", "save_interval", 3000, "time_format", "unix_nano");
        Map<String, String> env = Map.of("K6_CSV_FILENAME", "from-env.csv", "K6_CSV_TIME_FORMAT", "rfc3339_nano");

        assertThat(CsvConfig.from(file, Map.of(), ""))
                .isEqualTo(new CsvConfig("from-file.csv", Duration.ofSeconds(3), CsvTimeFormat.UNIX_NANO));
        assertThat(CsvConfig.from(file, env, ""))
                .isEqualTo(new CsvConfig("from-env.csv", Duration.ofSeconds(3), CsvTimeFormat.RFC3339_NANO));
        assertThat(CsvConfig.from(file, env, "saveInterval=250ms"))
                .isEqualTo(new CsvConfig("from-env.csv", Duration.ofMillis(250), CsvTimeFormat.RFC3339_NANO));
        assertThat(CsvConfig.from(file, env, "arg.csv").fileName()).isEqualTo("arg.csv");
        assertThat(CsvConfig.from(Map.of(), Map.of("K6_CSV_SAVE_INTERVAL", "1m30s"), "").saveInterval())
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void dashMeansStdout() {
        assertThat(CsvConfig.from(Map.of(), Map.of(), "fileName=-").toStdout()).isTrue();
        assertThat(CsvConfig.from(Map.of(), Map.of(), "").toStdout()).isFalse();
    }
}
