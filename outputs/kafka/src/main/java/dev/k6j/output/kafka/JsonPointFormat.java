package dev.k6j.output.kafka;

import dev.k6j.spi.Sample;
import dev.k6j.spi.format.JsonPoints;
import java.time.ZoneId;

/**
 * {@code format=json}: the sample as k6's JSON output writes a {@code Point} line, without the newline, e.g.
 * {@code {"metric":"vus","type":"Point","data":{"time":"2026-11-22T04:57:11.202327595Z","value":5,"tags":{}}}}.
 * The engine's {@code json} output writes these lines with the same SPI encoder, so the two never drift apart.
 */
final class JsonPointFormat implements RecordFormat {

    private final ZoneId zone;

    /** @param zone the zone times are written in (k6 uses the machine's local zone) */
    JsonPointFormat(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public boolean append(StringBuilder out, Sample sample) {
        JsonPoints.appendPoint(out, sample, zone);
        out.setLength(out.length() - 1); // the line's newline: a record is one object
        return true;
    }
}
