package dev.k6j.spi.format;

import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import java.time.ZoneId;

/**
 * k6's JSON {@code Point} line for one sample, byte for byte as k6's JSON output ({@code output/json}, easyjson)
 * writes it:
 *
 * <pre>{@code
 * {"metric":"vus","type":"Point","data":{"time":"2024-05-09T14:34:45.625742514+02:00","value":5,"tags":{}}}
 * }</pre>
 *
 * A {@code Point} has {@code "metadata":{…}} after its tags when the sample has metadata. Stateless; any thread.
 */
public final class JsonPoints {

    private JsonPoints() {
    }

    /** Appends the {@code Point} line (with its newline) for one sample, its time in {@code zone}. */
    public static void appendPoint(StringBuilder out, Sample sample, ZoneId zone) {
        out.append("{\"metric\":");
        JsonStrings.append(out, sample.metric().name(), true);
        out.append(",\"type\":\"Point\",\"data\":{\"time\":\"")
                .append(GoTimes.rfc3339Nano(sample.timeNanos(), zone))
                .append("\",\"value\":").append(GoFloats.shortest(sample.value()))
                .append(",\"tags\":");
        appendTags(out, sample.tags());
        if (!sample.metadata().isEmpty()) {
            out.append(",\"metadata\":");
            appendTags(out, sample.metadata());
        }
        out.append("}}\n");
    }

    /** Appends tags as a JSON object, in the tag set's order. */
    public static void appendTags(StringBuilder out, TagSet tags) {
        out.append('{');
        boolean[] first = {true};
        tags.forEach((name, value) -> {
            if (!first[0]) {
                out.append(',');
            }
            first[0] = false;
            JsonStrings.append(out, name, true);
            out.append(':');
            JsonStrings.append(out, value, true);
        });
        out.append('}');
    }
}
