package dev.k6j.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.spi.TagSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MetricKeyTest {

    @Test
    void aPlainNameIsAMetricWithoutFilter() {
        MetricKey key = MetricKey.parse("http_req_duration");

        assertThat(key.name()).isEqualTo("http_req_duration");
        assertThat(key.parent()).isEqualTo("http_req_duration");
        assertThat(key.isSubmetric()).isFalse();
        assertThat(key.filter()).isEqualTo(TagSet.EMPTY);
    }

    @Test
    void tagsInBracesMakeASubmetric() {
        MetricKey key = MetricKey.parse("http_req_duration{status:200,method:GET}");

        assertThat(key.isSubmetric()).isTrue();
        assertThat(key.parent()).isEqualTo("http_req_duration");
        assertThat(key.suffix()).isEqualTo("status:200,method:GET");
        assertThat(key.filter()).isEqualTo(TagSet.of(Map.of("status", "200", "method", "GET")));
    }

    @Test
    void aGroupPathValueKeepsItsColonsBecauseTheSplitIsAtTheFirstColon() {
        assertThat(MetricKey.parse("group_duration{group:::a}").filter()).isEqualTo(TagSet.of("group", "::a"));
        assertThat(MetricKey.parse("group_duration{group:::a::b}").filter())
                .isEqualTo(TagSet.of("group", "::a::b"));
    }

    @Test
    void quotesAndSpacesAroundNamesAndValuesAreTrimmedAsK6Does() {
        MetricKey key = MetricKey.parse("http_reqs{ name : \"my page\" , 'method':'GET' }");

        assertThat(key.filter()).isEqualTo(TagSet.of(Map.of("name", "my page", "method", "GET")));
        assertThat(key.name()).isEqualTo("http_reqs{name : \"my page\" , 'method':'GET'}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"m{a:}", "m{a}", "m{a:1", "ma:1}", "m}a:1{", "m{a:1}x", "m{}", "m{a:1,}"})
    void malformedKeysAreInvalidConfig(String key) {
        assertThatThrownBy(() -> MetricKey.parse(key))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("invalid threshold metric '" + key + "'")
                .satisfies(e -> assertThat(((K6jException) e).exitCode()).isEqualTo(ExitCode.INVALID_CONFIG));
    }
}
