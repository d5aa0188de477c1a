package dev.k6j.engine.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextSummaryTest {

    private final KnownRun run = new KnownRun();

    @Test
    void theSummaryOfAKnownRunHasK6sLinesChecksUnderGroupsAndMetricsDottedToAColumn() {
        String expected = String.join("\n",
                "",
                "     ✓ status is 200",
                "",
                "     █ login",
                "",
                "       ✗ logged in",
                "        ↳  90% — ✓ 9 / ✗ 1",
                "",
                "   ✗ checks.........................: 95.00% ✓ 19     ✗ 1  ",
                "     data_received..................: 11 kB  1.1 kB/s",
                "     data_sent......................: 1.1 kB 110 B/s",
                "     group_duration.................: avg=204.5ms min=200ms med=204.5ms max=209ms"
                        + " p(90)=208.1ms p(95)=208.55ms",
                "   ✓ http_req_duration..............: avg=145ms   min=100ms med=145ms   max=190ms"
                        + " p(90)=181ms   p(95)=185.5ms ",
                "       { expected_response:true }...: avg=145ms   min=100ms med=145ms   max=190ms"
                        + " p(90)=181ms   p(95)=185.5ms ",
                "   ✓ http_req_failed................: 0.00%  ✓ 0      ✗ 10 ",
                "     http_reqs......................: 10     1/s",
                "     iteration_duration.............: avg=1.02s   min=1s    med=1.02s   max=1.04s"
                        + " p(90)=1.04s   p(95)=1.04s   ",
                "     iterations.....................: 10     1/s",
                "     vus............................: 1      min=1    max=1",
                "     vus_max........................: 1      min=1    max=1",
                "",
                "");

        assertThat(TextSummary.render(run.data(), false)).isEqualTo(expected);
    }

    @Test
    void colorsAreAnsiSequencesAroundTheSameText() {
        String plain = TextSummary.render(run.data(), false);
        String colored = TextSummary.render(run.data(), true);

        assertThat(plain).doesNotContain("\u001b[");
        assertThat(colored).contains("\u001b[32m     ✓ status is 200\u001b[0m");
        assertThat(colored).contains("\u001b[31m✗\u001b[0m checks\u001b[2m.........................:\u001b[0m"
                + " \u001b[36m95.00%\u001b[0m \u001b[36;2m✓ 19\u001b[0m    ");
        assertThat(colored.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    @Test
    void aFixedTimeUnitAndTheCountStatChangeTheTrendColumns() {
        String text = TextSummary.render(run.data(Map.of("summaryTimeUnit", "ms"), List.of("count", "p(99.9)")),
                false);

        assertThat(text).contains("     iteration_duration.............: count=10 p(99.9)=1044.95ms\n");
        assertThat(text).contains("   ✓ http_req_duration..............: count=10 p(99.9)=189.91ms \n");
    }

    @Test
    void nestedGroupsAreIndentedUnderTheirParents() {
        Map<String, Object> check = Map.of("name", "deep", "path", "::a::b::deep", "id", "x", "passes", 3L,
                "fails", 0L);
        Map<String, Object> inner = Map.of("name", "b", "path", "::a::b", "id", "x", "groups", List.of(),
                "checks", List.of(check));
        Map<String, Object> outer = Map.of("name", "a", "path", "::a", "id", "x", "groups", List.of(inner),
                "checks", List.of());
        Map<String, Object> data = Map.of(
                "root_group", Map.of("name", "", "path", "", "id", "x", "groups", List.of(outer), "checks", List.of()),
                "options", Map.of("summaryTrendStats", List.of("avg"), "summaryTimeUnit", "", "noColor", false),
                "metrics", Map.of());

        assertThat(TextSummary.textSummary(data, " ", false))
                .isEqualTo("     █ a\n\n       █ b\n\n         ✓ deep\n");
    }
}
