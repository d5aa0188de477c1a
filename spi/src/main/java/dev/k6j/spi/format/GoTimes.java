package dev.k6j.spi.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Times as Go formats them. k6 samples carry the machine's local zone, so k6j formats in {@link ZoneId#systemDefault()}
 * unless told otherwise. Stateless; any thread.
 */
public final class GoTimes {

    private GoTimes() {
    }

    /**
     * Go's {@code time.RFC3339Nano}, also what {@code time.Time} marshals to in JSON: fraction without trailing
     * zeros (none when whole), {@code Z} for UTC, else {@code ±hh:mm}: {@code 2017-05-09T14:34:45.625742514+02:00}.
     */
    public static String rfc3339Nano(long epochNanos, ZoneId zone) {
        StringBuilder out = new StringBuilder(35);
        ZonedDateTime time = at(epochNanos, zone);
        appendDateTime(out, time);
        int nanos = time.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
        appendOffset(out, time);
        return out.toString();
    }

    /** Go's {@code time.RFC3339}: whole seconds, {@code 2019-07-05T13:04:04+02:00} or {@code …Z}. */
    public static String rfc3339(long epochNanos, ZoneId zone) {
        StringBuilder out = new StringBuilder(25);
        ZonedDateTime time = at(epochNanos, zone);
        appendDateTime(out, time);
        appendOffset(out, time);
        return out.toString();
    }

    private static ZonedDateTime at(long epochNanos, ZoneId zone) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
                .atZone(zone);
    }

    private static void appendDateTime(StringBuilder out, ZonedDateTime t) {
        out.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
    }

    private static void appendOffset(StringBuilder out, ZonedDateTime t) {
        int seconds = t.getOffset().getTotalSeconds();
        if (seconds == 0) {
            out.append('Z');
            return;
        }
        out.append(seconds < 0 ? '-' : '+');
        int minutes = Math.abs(seconds) / 60;
        out.append(String.format("%02d:%02d", minutes / 60, minutes % 60));
    }
}
