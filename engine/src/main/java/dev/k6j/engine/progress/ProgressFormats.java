package dev.k6j.engine.progress;

import java.time.Duration;

/**
 * Fixed-width numbers and durations, so progress bars don't jump around as values grow: k6's {@code pb} helpers.
 * Stateless.
 */
public final class ProgressFormats {

    private ProgressFormats() {
    }

    /** {@code %0Nd}, N being the digits of {@code max}: 7 of 100 prints as {@code 007}. */
    public static String intFormat(long max) {
        int length = max < 0 ? 2 : 1;
        for (long rest = max / 10; rest != 0; rest /= 10) {
            length++;
        }
        return "%0" + length + "d";
    }

    /** {@code %0N.Pf}, wide enough for {@code max} with {@code precision} decimals. */
    public static String floatFormat(double max, int precision) {
        int length = 1;
        if (max < 0) {
            max = -max;
            length++;
        }
        if (max >= 10) {
            length += (int) Math.log10(max);
        }
        if (precision > 0) {
            length += precision + 1;
        }
        return "%0" + length + "." + precision + "f";
    }

    /**
     * {@code d} to a tenth of a second, as wide as {@code max} needs: {@code 05.0s} when the max is under a minute,
     * {@code 1m05.0s} under ten minutes, {@code 01h01m05.0s} and so on.
     */
    public static String fixedDuration(Duration d, Duration max) {
        long rounding = 100_000_000L;
        long nanos = Math.abs(d.toNanos());
        long maxNanos = Math.max(Math.abs(max.toNanos()), nanos);
        maxNanos = round(maxNanos, rounding);
        char[] buf = "000000d00h00m00.0s".toCharArray();
        long u = round(nanos, rounding) / rounding;
        buf[16] = (char) ('0' + u % 10);
        u /= 10;
        buf[14] = (char) ('0' + u % 10);
        u /= 10;
        if (maxNanos < 10_000_000_000L) {
            return new String(buf, 14, 4);
        }
        buf[13] = (char) ('0' + u % 6);
        u /= 6;
        if (maxNanos < 60_000_000_000L) {
            return new String(buf, 13, 5);
        }
        buf[11] = (char) ('0' + u % 10);
        u /= 10;
        if (maxNanos < 600_000_000_000L) {
            return new String(buf, 11, 7);
        }
        buf[10] = (char) ('0' + u % 6);
        u /= 6;
        if (maxNanos < 3_600_000_000_000L) {
            return new String(buf, 10, 8);
        }
        long hours = u % 24;
        u /= 24;
        buf[7] = (char) ('0' + hours / 10);
        buf[8] = (char) ('0' + hours % 10);
        if (maxNanos < 36_000_000_000_000L) {
            return new String(buf, 8, 10);
        } else if (maxNanos < 86_400_000_000_000L) {
            return new String(buf, 7, 11);
        }
        buf[5] = (char) ('0' + u % 10);
        u /= 10;
        long dayPowers = maxNanos / 864_000_000_000_000L;
        int i = 5;
        while (dayPowers > 0 && i > 0) {
            i--;
            buf[i] = (char) ('0' + u % 10);
            u /= 10;
            dayPowers /= 10;
        }
        return new String(buf, i, buf.length - i);
    }

    /** Go's {@code Duration.Round}: half away from zero. */
    private static long round(long nanos, long unit) {
        long rest = nanos % unit;
        return rest + rest < unit ? nanos - rest : nanos + unit - rest;
    }
}
