package dev.k6j.engine.output.csv;

import dev.k6j.spi.format.GoTimes;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the {@code timestamp} column is written, by k6's {@code timeFormat} names. */
public enum CsvTimeFormat {
    /** Whole seconds since the epoch (k6's default). */
    UNIX,
    /** Milliseconds since the epoch. */
    UNIX_MILLI,
    /** Microseconds since the epoch. */
    UNIX_MICRO,
    /** Nanoseconds since the epoch. */
    UNIX_NANO,
    /** RFC 3339 to the second, in the local zone: {@code 2019-07-05T13:04:04+02:00}. */
    RFC3339,
    /** RFC 3339 with the fraction Go keeps: {@code 2019-07-05T13:04:04.006482125+02:00}. */
    RFC3339_NANO;

    /** The name used in options and {@code K6_CSV_TIME_FORMAT}: {@code unix}, {@code rfc3339_nano}, … */
    public String k6Name() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code name}, exactly as k6 spells it. */
    public static CsvTimeFormat fromK6Name(String name) {
        for (CsvTimeFormat format : values()) {
            if (format.k6Name().equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("invalid timeFormat '" + name + "' for the csv output: use one of "
                + Arrays.stream(values()).map(CsvTimeFormat::k6Name).collect(Collectors.joining(", ")));
    }

    /** Formats a sample time (nanoseconds since the epoch); {@code zone} matters only for the RFC 3339 forms. */
    public String format(long epochNanos, ZoneId zone) {
        return switch (this) {
            case UNIX -> Long.toString(Math.floorDiv(epochNanos, 1_000_000_000L));
            case UNIX_MILLI -> Long.toString(Math.floorDiv(epochNanos, 1_000_000L));
            case UNIX_MICRO -> Long.toString(Math.floorDiv(epochNanos, 1_000L));
            case UNIX_NANO -> Long.toString(epochNanos);
            case RFC3339 -> GoTimes.rfc3339(epochNanos, zone);
            case RFC3339_NANO -> GoTimes.rfc3339Nano(epochNanos, zone);
        };
    }
}
