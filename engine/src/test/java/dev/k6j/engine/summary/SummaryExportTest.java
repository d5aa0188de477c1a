package dev.k6j.engine.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryExportTest {

    private final String json = SummaryExport.render(new KnownRun().data());

    private JsonNode parsed() throws Exception {
        return new ObjectMapper().readTree(json);
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    @Test
    void theExportParsesAndHasRootGroupAndMetricsOnly() throws Exception {
        assertThat(fieldNames(parsed())).containsExactly("root_group", "metrics");
    }

    @Test
    void metricsAreTheirFlatValuesWithThresholdsTrueWhenFailedAsK6WritesThem() throws Exception {
        JsonNode metrics = parsed().get("metrics");

        assertThat(fieldNames(metrics.get("http_reqs"))).containsExactly("count", "rate");
        assertThat(fieldNames(metrics.get("vus"))).containsExactly("value", "min", "max");
        assertThat(fieldNames(metrics.get("iteration_duration")))
                .containsExactly("avg", "min", "med", "max", "p(90)", "p(95)");
        assertThat(fieldNames(metrics.get("http_req_duration")))
                .containsExactly("avg", "min", "med", "max", "p(90)", "p(95)", "thresholds");
        assertThat(metrics.get("http_req_duration").get("thresholds").get("p(95)<200").asBoolean()).isFalse();
        assertThat(fieldNames(metrics.get("checks"))).containsExactly("passes", "fails", "thresholds", "value");
        assertThat(metrics.get("checks").get("thresholds").get("rate>0.99").asBoolean()).isTrue();
        assertThat(metrics.get("checks").get("value").asDouble()).isEqualTo(0.95);
        assertThat(metrics.has("http_req_duration{expected_response:true}")).isTrue();
    }

    @Test
    void groupsAndChecksAreKeyedByName() throws Exception {
        JsonNode root = parsed().get("root_group");

        assertThat(fieldNames(root)).containsExactly("name", "path", "id", "groups", "checks");
        assertThat(root.get("checks").get("status is 200").get("passes").asLong()).isEqualTo(10);
        JsonNode login = root.get("groups").get("login");
        assertThat(login.get("path").asText()).isEqualTo("::login");
        assertThat(login.get("checks").get("logged in").get("fails").asLong()).isEqualTo(1);
    }

    @Test
    void itIsWrittenLikeJsonStringifyWithFourSpaces() {
        assertThat(json).startsWith("{\n    \"root_group\": {\n        \"name\": \"\",\n");
        assertThat(json).contains("\"groups\": {},");
        assertThat(json).contains("\"count\": 11000,\n");
        assertThat(json).contains("\"p(95)\": 185.5\n");
        assertThat(json).doesNotContain(".0,").doesNotContain(" : ");
    }
}
