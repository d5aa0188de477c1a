package dev.k6j.spi;

import java.util.Locale;

/** What a metric's values mean, which decides how they are shown. */
public enum ValueType {
    /** Plain numbers. */
    DEFAULT,
    /** Milliseconds. */
    TIME,
    /** Bytes. */
    DATA;

    /** The name k6 uses in JSON ({@code "contains"}): {@code default}, {@code time}, {@code data}. */
    public String k6Name() {
        return name().toLowerCase(Locale.ROOT);
    }
}
