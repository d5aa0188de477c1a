package dev.k6j.engine.output.json;

import dev.k6j.spi.Metric;
import dev.k6j.spi.Sample;
import dev.k6j.spi.format.JsonPoints;
import dev.k6j.spi.format.JsonStrings;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes k6's JSON-lines records, byte for byte as k6 ({@code output/json}, easyjson) writes them:
 *
 * <pre>{@code
 * {"type":"Metric","data":{"name":"vus","type":"gauge","contains":"default","thresholds":[],"submetrics":null},"metric":"vus"}
 * {"metric":"vus","type":"Point","data":{"time":"2024-05-09T14:34:45.625742514+02:00","value":5,"tags":{}}}
 * }</pre>
 *
 * A {@code Point} is the SPI's {@link JsonPoints}, which outputs that write k6's JSON records share. Stateless; any
 * thread.
 */
public final class JsonLines {

    private JsonLines() {
    }

    /** Appends the {@code Metric} line (with its newline) that declares {@code metric}. */
    public static void appendMetric(StringBuilder out, Metric metric, List<String> thresholds,
            List<Submetric> submetrics) {
        out.append("{\"type\":\"Metric\",\"data\":{\"name\":");
        JsonStrings.append(out, metric.name(), true);
        out.append(",\"type\":\"").append(metric.type().k6Name())
                .append("\",\"contains\":\"").append(metric.valueType().k6Name())
                .append("\",\"thresholds\":[");
        for (int i = 0; i < thresholds.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            JsonStrings.append(out, thresholds.get(i), false); // k6 marshals thresholds without HTML escaping
        }
        out.append("],\"submetrics\":");
        if (submetrics.isEmpty()) {
            out.append("null");
        } else {
            out.append('[');
            for (int i = 0; i < submetrics.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendSubmetric(out, submetrics.get(i));
            }
            out.append(']');
        }
        out.append("},\"metric\":");
        JsonStrings.append(out, metric.name(), true);
        out.append("}\n");
    }

    /** Appends the {@code Point} line (with its newline) for one sample, its time in {@code zone}. */
    public static void appendPoint(StringBuilder out, Sample sample, ZoneId zone) {
        JsonPoints.appendPoint(out, sample, zone);
    }

    private static void appendSubmetric(StringBuilder out, Submetric submetric) {
        out.append("{\"name\":");
        JsonStrings.append(out, submetric.name(), true);
        out.append(",\"suffix\":");
        JsonStrings.append(out, submetric.suffix(), true);
        out.append(",\"tags\":");
        JsonPoints.appendTags(out, submetric.tags());
        out.append('}');
    }
}
