package dev.k6j.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The initializer's output is read as the operator's {@code json.Unmarshal} reads it. */
class InspectOutputTest {

    @Test
    void readsK6sExecutionRequirements() {
        InspectOutput output = InspectOutput.parse("""
                {
                  "paused": null,
                  "thresholds": {"checks": ["rate==1"], "http_req_failed": [{"threshold": "rate==0",
                    "abortOnFail": true, "delayAbortEval": "10s"}]},
                  "cloud": {"name": "demo", "projectID": 7},
                  "totalDuration": "1m30.5s",
                  "maxVUs": 15
                }
                """);
        assertThat(output.maxVUs()).isEqualTo(15);
        assertThat(output.totalDuration()).isEqualTo(90_500_000_000L);
        assertThat(output.thresholds()).containsEntry("checks", List.of("rate==1"))
                .containsEntry("http_req_failed", List.of("rate==0"));
    }

    @Test
    void goDurationsWithDaysAndFractions() {
        assertThat(InspectOutput.goDuration("0", "d")).isZero();
        assertThat(InspectOutput.goDuration("1d2h", "d")).isEqualTo(26L * 3_600_000_000_000L);
        assertThat(InspectOutput.goDuration("1.5ms", "d")).isEqualTo(1_500_000L);
        assertThatThrownBy(() -> InspectOutput.goDuration("10", "d")).hasMessageContaining("not a Go duration");
        assertThatThrownBy(() -> InspectOutput.goDuration("5 s", "d")).hasMessageContaining("not a Go duration");
    }

    @Test
    void anythingBesideTheJsonFailsAsItFailsTheOperator() {
        assertThatThrownBy(() -> InspectOutput.parse("WARN[0000] hello\n{\"maxVUs\":1}"))
                .hasMessageContaining("not one JSON document");
        assertThatThrownBy(() -> InspectOutput.parse("{\"maxVUs\":1}\nlevel=warning msg=late"))
                .hasMessageContaining("not one JSON document");
        assertThatThrownBy(() -> InspectOutput.parse("")).hasMessageContaining("printed nothing");
        assertThat(InspectOutput.parse("\n{\"maxVUs\":1}\n\n").maxVUs()).isEqualTo(1);
    }

    @Test
    void fieldsOfTheWrongTypeFail() {
        assertThatThrownBy(() -> InspectOutput.parse("{\"maxVUs\":1.5}")).hasMessageContaining("uint64");
        assertThatThrownBy(() -> InspectOutput.parse("{\"maxVUs\":-1}")).hasMessageContaining("uint64");
        assertThatThrownBy(() -> InspectOutput.parse("{\"totalDuration\":true}")).hasMessageContaining("duration");
        assertThatThrownBy(() -> InspectOutput.parse("{\"thresholds\":{\"checks\":\"rate==1\"}}"))
                .hasMessageContaining("not an array");
        assertThatThrownBy(() -> InspectOutput.parse("{\"ext\":{\"loadimpact\":{\"projectID\":\"7\"}}}"))
                .hasMessageContaining("int64");
    }
}
