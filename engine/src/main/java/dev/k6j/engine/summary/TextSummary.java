package dev.k6j.engine.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * k6's classic end-of-test summary text (the layout of k6 v0.x, later {@code --summary-mode=legacy}), rendered from
 * {@link SummaryData} as k6's {@code textSummary} does:
 *
 * <pre>
 *      █ login
 *
 *        ✓ status is 200
 *
 *      checks.........................: 100.00% ✓ 10       ✗ 0
 *      data_received..................: 11 kB   1.1 kB/s
 *    ✓ http_req_duration..............: avg=1.2ms    min=1ms  med=1.1ms max=2ms    p(90)=1.5ms p(95)=1.7ms
 *        { expected_response:true }...: avg=1.2ms    min=1ms  med=1.1ms max=2ms    p(90)=1.5ms p(95)=1.7ms
 *      vus............................: 1       min=1    max=1
 * </pre>
 *
 * Checks come first under their groups, then one line per metric sorted by name, sub-metrics right under their
 * parent, a {@code ✓} or {@code ✗} before metrics with thresholds. Stateless.
 */
public final class TextSummary {

    private static final String GROUP_PREFIX = "█";
    private static final String DETAILS_PREFIX = "↳";
    private static final String PASS_MARK = "✓";
    private static final String FAIL_MARK = "✗";

    private TextSummary() {
    }

    /**
     * The summary as k6 prints it on stdout at the end of a run: a blank line, the summary, a blank line.
     *
     * @param data  what {@link SummaryData#build} made (or the same shape)
     * @param color whether to use ANSI colours
     */
    public static String render(Map<String, Object> data, boolean color) {
        return "\n" + textSummary(data, " ", color) + "\n\n";
    }

    /**
     * The summary text alone, as the jslib {@code textSummary(data, {indent, enableColors})} returns it.
     *
     * @param indent what every line starts with (k6 uses one space)
     */
    public static String textSummary(Map<String, Object> data, String indent, boolean color) {
        Ansi ansi = new Ansi(color);
        Map<String, Object> options = map(data.get("options"));
        List<String> trendStats = strings(options.get("summaryTrendStats"));
        String timeUnit = options.get("summaryTimeUnit") instanceof String unit ? unit : "";

        List<String> lines = new ArrayList<>();
        summarizeGroup(indent + "    ", map(data.get("root_group")), ansi, lines);
        lines.addAll(new MetricLines(indent + "  ", trendStats, timeUnit, ansi).lines(map(data.get("metrics"))));
        return String.join("\n", lines);
    }

    private static void summarizeGroup(String indent, Map<String, Object> group, Ansi ansi, List<String> lines) {
        String inner = indent;
        if (!"".equals(group.getOrDefault("name", ""))) {
            lines.add(indent + GROUP_PREFIX + " " + group.get("name") + "\n");
            inner = indent + "  ";
        }
        List<Map<String, Object>> checks = maps(group.get("checks"));
        for (Map<String, Object> check : checks) {
            lines.add(summarizeCheck(inner, check, ansi));
        }
        if (!checks.isEmpty()) {
            lines.add("");
        }
        for (Map<String, Object> child : maps(group.get("groups"))) {
            summarizeGroup(inner, child, ansi, lines);
        }
    }

    private static String summarizeCheck(String indent, Map<String, Object> check, Ansi ansi) {
        long passes = ((Number) check.get("passes")).longValue();
        long fails = ((Number) check.get("fails")).longValue();
        if (fails == 0) {
            return ansi.decorate(indent + PASS_MARK + " " + check.get("name"), Ansi.GREEN);
        }
        long percent = Math.floorDiv(100 * passes, passes + fails);
        return ansi.decorate(indent + FAIL_MARK + " " + check.get("name") + "\n"
                + indent + " " + DETAILS_PREFIX + "  " + percent + "% — " + PASS_MARK + " " + passes + " / "
                + FAIL_MARK + " " + fails, Ansi.RED);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return TrendStats.DEFAULT;
        }
        return list.stream().map(String::valueOf).toList();
    }
}
