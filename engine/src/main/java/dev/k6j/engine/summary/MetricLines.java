package dev.k6j.engine.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric part of k6's text summary ({@code summarizeMetrics}): names dotted to one column, values aligned in
 * columns across metrics. Used once per summary, on one thread.
 */
final class MetricLines {

    private static final String PASS_MARK = "✓";
    private static final String FAIL_MARK = "✗";

    private final String indent;
    private final List<String> trendStats;
    private final String timeUnit;
    private final Ansi ansi;

    private int nameWidth;
    private final Map<String, List<String>> trendColumns = new HashMap<>();
    private final int[] trendWidths;
    private final Map<String, String> values = new HashMap<>();
    private int valueWidth;
    private final Map<String, List<String>> extras = new HashMap<>();
    private final int[] extraWidths = new int[2];

    MetricLines(String indent, List<String> trendStats, String timeUnit, Ansi ansi) {
        this.indent = indent;
        this.trendStats = trendStats;
        this.timeUnit = timeUnit;
        this.ansi = ansi;
        this.trendWidths = new int[trendStats.size()];
    }

    List<String> lines(Map<String, Object> metrics) {
        metrics.forEach((name, metric) -> measure(name, TextSummary.map(metric)));
        List<String> names = new ArrayList<>(metrics.keySet());
        names.sort(MetricNameOrder.INSTANCE);
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            lines.add(line(name, TextSummary.map(metrics.get(name))));
        }
        return lines;
    }

    private void measure(String name, Map<String, Object> metric) {
        nameWidth = Math.max(nameWidth, Ansi.width(indentFor(name) + displayName(name)));
        String type = String.valueOf(metric.get("type"));
        String contains = String.valueOf(metric.get("contains"));
        Map<String, Object> metricValues = TextSummary.map(metric.get("values"));
        if ("trend".equals(type)) {
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < trendStats.size(); i++) {
                String stat = trendStats.get(i);
                double value = number(metricValues.get(stat));
                String text = "count".equals(stat) ? JsNumbers.toString(value)
                        : Humanize.value(value, type, contains, timeUnit);
                trendWidths[i] = Math.max(trendWidths[i], Ansi.width(text));
                columns.add(text);
            }
            trendColumns.put(name, columns);
            return;
        }
        List<String> parts = nonTrendValues(type, contains, metricValues);
        values.put(name, parts.getFirst());
        valueWidth = Math.max(valueWidth, Ansi.width(parts.getFirst()));
        extras.put(name, parts.subList(1, parts.size()));
        for (int i = 1; i < parts.size(); i++) {
            extraWidths[i - 1] = Math.max(extraWidths[i - 1], Ansi.width(parts.get(i)));
        }
    }

    private List<String> nonTrendValues(String type, String contains, Map<String, Object> v) {
        return switch (type) {
            case "counter" -> List.of(
                    Humanize.value(number(v.get("count")), type, contains, timeUnit),
                    Humanize.value(number(v.get("rate")), type, contains, timeUnit) + "/s");
            case "gauge" -> List.of(
                    Humanize.value(number(v.get("value")), type, contains, timeUnit),
                    "min=" + Humanize.value(number(v.get("min")), type, contains, timeUnit),
                    "max=" + Humanize.value(number(v.get("max")), type, contains, timeUnit));
            case "rate" -> List.of(
                    Humanize.value(number(v.get("rate")), type, contains, timeUnit),
                    PASS_MARK + " " + JsNumbers.toString(number(v.get("passes"))),
                    FAIL_MARK + " " + JsNumbers.toString(number(v.get("fails"))));
            default -> List.of("[no data]");
        };
    }

    private String line(String name, Map<String, Object> metric) {
        String mark = " ";
        int markColor = 0;
        if (metric.get("thresholds") instanceof Map<?, ?> thresholds) {
            mark = PASS_MARK;
            markColor = Ansi.GREEN;
            for (Object threshold : thresholds.values()) {
                if (!Boolean.TRUE.equals(TextSummary.map(threshold).get("ok"))) {
                    mark = FAIL_MARK;
                    markColor = Ansi.RED;
                    break;
                }
            }
        }
        String nameIndent = indentFor(name);
        String display = displayName(name);
        int dots = nameWidth - Ansi.width(display) - Ansi.width(nameIndent) + 3;
        String dotted = display + ansi.decorate(".".repeat(Math.max(0, dots)) + ":", Ansi.FAINT);
        String coloredMark = markColor == 0 ? mark : ansi.decorate(mark, markColor);
        return indent + nameIndent + coloredMark + " " + dotted + " " + data(name);
    }

    private String data(String name) {
        List<String> columns = trendColumns.get(name);
        if (columns != null) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                cells.add(trendStats.get(i) + "=" + ansi.decorate(columns.get(i), Ansi.CYAN)
                        + pad(trendWidths[i] - Ansi.width(columns.get(i))));
            }
            return String.join(" ", cells);
        }
        String value = values.get(name);
        StringBuilder text = new StringBuilder(ansi.decorate(value, Ansi.CYAN))
                .append(pad(valueWidth - Ansi.width(value)));
        List<String> more = extras.get(name);
        if (more.size() == 1) {
            text.append(' ').append(ansi.decorate(more.getFirst(), Ansi.CYAN, Ansi.FAINT));
        } else if (more.size() > 1) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < more.size(); i++) {
                cells.add(ansi.decorate(more.get(i), Ansi.CYAN, Ansi.FAINT) + pad(extraWidths[i] - Ansi.width(more.get(i))));
            }
            text.append(' ').append(String.join(" ", cells));
        }
        return text.toString();
    }

    /** {@code { expected_response:true }} for a sub-metric, the name itself otherwise. */
    private static String displayName(String name) {
        int brace = name.indexOf('{');
        return brace < 0 ? name : "{ " + name.substring(brace + 1, name.length() - 1) + " }";
    }

    private static String indentFor(String name) {
        return name.indexOf('{') >= 0 ? "  " : "";
    }

    private static String pad(int count) {
        if (count <= 0) {
            return "";
        }
        char[] spaces = new char[count];
        Arrays.fill(spaces, ' ');
        return new String(spaces);
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0;
    }
}
