package dev.k6j.output.kafka;

import dev.k6j.output.kafka.TagsAsFields.Kind;
import dev.k6j.spi.GoValues;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code format=influxdb}: the sample as one line of InfluxDB v1 line protocol, as k6's InfluxDB output (through
 * the influxdb1-client's {@code Point.String()}) writes it:
 *
 * <pre>{@code
 * http_req_duration,method=GET,name=http://x/,scenario=default,status=200 url="http://x/",value=12.5,vu=3i 1716980085625742514
 * }</pre>
 *
 * The measurement is the metric name; the tags are the sample's tags in name order, without those listed in
 * {@code influxdb.tagsAsFields} and without empty ones; the fields are those listed tags (and metadata entries,
 * such as {@code vu} and {@code iter}, which k6j keeps as metadata) converted to their types, plus {@code value},
 * in name order; the time is in nanoseconds. A NaN or infinite value has no line-protocol form: the sample is
 * refused. Stateless apart from its settings.
 */
final class InfluxLineFormat implements RecordFormat {

    private final TagsAsFields tagsAsFields;

    InfluxLineFormat(TagsAsFields tagsAsFields) {
        this.tagsAsFields = tagsAsFields;
    }

    @Override
    public boolean append(StringBuilder out, Sample sample) {
        double value = sample.value();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return false;
        }
        escape(out, sample.metric().name(), false);
        Map<String, Object> fields = new TreeMap<>();
        sample.tags().forEach((name, text) -> {
            if (tagsAsFields.contains(name)) {
                fields.put(name, field(tagsAsFields.kinds().get(name), text));
            } else if (!text.isEmpty()) {
                out.append(',');
                escape(out, name, true);
                out.append('=');
                escape(out, text, true);
            }
        });
        addMetadataFields(sample.metadata(), fields);
        fields.put("value", value);
        out.append(' ');
        boolean first = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            escape(out, field.getKey(), true);
            out.append('=');
            appendFieldValue(out, field.getValue());
        }
        out.append(' ').append(sample.timeNanos());
        return true;
    }

    private void addMetadataFields(TagSet metadata, Map<String, Object> fields) {
        metadata.forEach((name, text) -> {
            if (tagsAsFields.contains(name)) {
                fields.put(name, field(tagsAsFields.kinds().get(name), text));
            }
        });
    }

    /** The tag's text as its field type, as k6 converts it: text that does not parse stays a string. */
    static Object field(Kind kind, String text) {
        try {
            return switch (kind) {
                case STRING -> text;
                case INT -> Long.parseLong(text);
                case FLOAT -> Double.parseDouble(text);
                case BOOL -> {
                    yield GoValues.parseBool(text).<Object>map(b -> b).orElse(text);
                }
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static void appendFieldValue(StringBuilder out, Object value) {
        switch (value) {
            case Double d -> out.append(plainFloat(d));
            case Long l -> out.append(l).append('i');
            case Boolean b -> out.append(b);
            default -> {
                out.append('"');
                String text = value.toString();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"' || c == '\\') {
                        out.append('\\');
                    }
                    out.append(c);
                }
                out.append('"');
            }
        }
    }

    /** Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}: the shortest digits that read back, never an exponent. */
    static String plainFloat(double v) {
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** Backslash-escapes commas and spaces, and equals signs in tag and field keys and tag values. */
    private static void escape(StringBuilder out, String text, boolean equalsToo) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ' ' || (equalsToo && c == '=')) {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
