package dev.k6j.engine.summary;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --summary-export} file: k6's older, flat JSON summary, made from {@link SummaryData} as k6's
 * {@code oldJSONSummary} does:
 *
 * <ul>
 *   <li>{@code options} and {@code state} are left out;</li>
 *   <li>each metric becomes its values alone ({@code {count, rate}}, {@code {value, min, max}}, trend stats), plus
 *       {@code thresholds: {"p(95)<200": false}} where the boolean is <em>true when the threshold failed</em>
 *       ({@code !ok}, a k6 quirk kept for compatibility, grafana/k6#1498);</li>
 *   <li>a rate's {@code rate} is renamed {@code value} (so {@code {passes, fails, value}});</li>
 *   <li>in {@code root_group} and below, {@code groups} and {@code checks} become objects keyed by name.</li>
 * </ul>
 *
 * Written like {@code JSON.stringify(x, null, 4)}. Stateless; thread-safe.
 */
public final class SummaryExport {

    private static final ObjectWriter WRITER = writer();

    private SummaryExport() {
    }

    /** The JSON text of the export file. */
    public static String render(Map<String, Object> data) {
        Map<String, Object> export = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            switch (key) {
                case "options", "state" -> { }
                case "root_group" -> export.put(key, transformGroup(TextSummary.map(value)));
                case "metrics" -> export.put(key, flattenMetrics(TextSummary.map(value)));
                default -> export.put(key, value);
            }
        });
        try {
            return WRITER.writeValueAsString(export);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the summary export", e);
        }
    }

    private static Map<String, Object> flattenMetrics(Map<String, Object> metrics) {
        Map<String, Object> flat = new LinkedHashMap<>();
        metrics.forEach((name, value) -> {
            Map<String, Object> metric = TextSummary.map(value);
            Map<String, Object> values = new LinkedHashMap<>(TextSummary.map(metric.get("values")));
            Map<String, Object> thresholds = TextSummary.map(metric.get("thresholds"));
            if (!thresholds.isEmpty()) {
                Map<String, Object> failed = new LinkedHashMap<>();
                thresholds.forEach((source, result) ->
                        failed.put(source, !Boolean.TRUE.equals(TextSummary.map(result).get("ok"))));
                values.put("thresholds", failed);
            }
            if ("rate".equals(metric.get("type")) && values.containsKey("rate")) {
                values.put("value", values.remove("rate"));
            }
            flat.put(name, values);
        });
        return flat;
    }

    private static Map<String, Object> transformGroup(Map<String, Object> group) {
        Map<String, Object> result = new LinkedHashMap<>(group);
        if (group.get("groups") instanceof List<?> groups) {
            Map<String, Object> byName = new LinkedHashMap<>();
            for (Object child : groups) {
                Map<String, Object> childGroup = TextSummary.map(child);
                byName.put(String.valueOf(childGroup.get("name")), transformGroup(childGroup));
            }
            result.put("groups", byName);
        }
        if (group.get("checks") instanceof List<?> checks) {
            Map<String, Object> byName = new LinkedHashMap<>();
            for (Object check : checks) {
                byName.put(String.valueOf(TextSummary.map(check).get("name")), check);
            }
            result.put("checks", byName);
        }
        return result;
    }

    private static ObjectWriter writer() {
        DefaultIndenter fourSpaces = new DefaultIndenter("    ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(fourSpaces)
                .withArrayIndenter(fourSpaces);
        SimpleModule jsNumbers = new SimpleModule().addSerializer(Double.class, new JsDoubleSerializer());
        return new ObjectMapper().registerModule(jsNumbers).writer(printer);
    }

    /** Doubles as {@code JSON.stringify} writes them: {@code 1} not {@code 1.0}, non-finite as {@code null}. */
    private static final class JsDoubleSerializer extends StdSerializer<Double> {

        JsDoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (!Double.isFinite(value)) {
                generator.writeNull();
            } else {
                generator.writeNumber(JsNumbers.toString(value));
            }
        }
    }
}
