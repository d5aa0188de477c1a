package dev.k6j.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.K6jException;
import org.junit.jupiter.api.Test;

class OutputSpecTest {

    @Test
    void splitsAtTheFirstEqualsSign() {
        assertThat(OutputSpec.parse("json=out.json")).isEqualTo(new OutputSpec("json", "out.json"));
        assertThat(OutputSpec.parse("csv=fileName=a.csv,saveInterval=2s"))
                .isEqualTo(new OutputSpec("csv", "fileName=a.csv,saveInterval=2s"));
        assertThat(OutputSpec.parse("experimental-prometheus-rw=http://localhost:9090/api/v1/write?x=1"))
                .isEqualTo(new OutputSpec("experimental-prometheus-rw", "http://localhost:9090/api/v1/write?x=1"));
    }

    @Test
    void aNameAloneHasAnEmptyArgument() {
        assertThat(OutputSpec.parse("csv")).isEqualTo(new OutputSpec("csv", ""));
        assertThat(OutputSpec.parse("json=")).isEqualTo(new OutputSpec("json", ""));
    }

    @Test
    void printsBackAsTheFlag() {
        assertThat(OutputSpec.parse("json=out.json")).hasToString("json=out.json");
        assertThat(OutputSpec.parse("csv")).hasToString("csv");
    }

    @Test
    void noNameIsAnInvalidConfigError() {
        assertThatThrownBy(() -> OutputSpec.parse("=out.json"))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("names no output");
        assertThatThrownBy(() -> OutputSpec.parse(""))
                .isInstanceOf(K6jException.class);
    }
}
