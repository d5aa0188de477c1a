package dev.k6j.engine.output.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.spi.TagSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmetricTest {

    @Test
    void aThresholdKeyWithBracesDefinesASubmetric() {
        Submetric sm = Submetric.fromThresholdKey("http_req_duration{ status:200, name:'x' }").orElseThrow();

        assertThat(sm.parent()).isEqualTo("http_req_duration");
        assertThat(sm.suffix()).isEqualTo("status:200, name:'x'");
        assertThat(sm.name()).isEqualTo("http_req_duration{status:200, name:'x'}");
        assertThat(sm.tags()).isEqualTo(TagSet.of(Map.of("status", "200", "name", "x")));
    }

    @Test
    void aPlainKeyOrEmptyBracesDefineNone() {
        assertThat(Submetric.fromThresholdKey("http_reqs")).isEmpty();
        assertThat(Submetric.fromThresholdKey("http_reqs{}")).isEmpty();
    }

    @Test
    void aTagWithoutValueHasAnEmptyValue() {
        assertThat(Submetric.fromThresholdKey("checks{scenario}").orElseThrow().tags())
                .isEqualTo(TagSet.of("scenario", ""));
    }

    @Test
    void groupsByParentAndDropsRepeatedTagSets() {
        Map<String, List<Submetric>> byParent = Submetric.fromThresholds(
                List.of("a{x:1}", "a{ x:1 }", "a{x:2}", "b{y:1}", "c"));

        assertThat(byParent).containsOnlyKeys("a", "b");
        assertThat(byParent.get("a")).extracting(Submetric::suffix).containsExactly("x:1", "x:2");
    }
}
