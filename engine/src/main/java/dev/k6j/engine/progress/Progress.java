package dev.k6j.engine.progress;

import java.util.List;

/**
 * How far something has come: a fraction from 0 to 1 and the texts shown right of its bar, such as
 * {@code 10 VUs} and {@code 05.0s/10s}. Immutable.
 *
 * @param fraction from 0 to 1
 * @param right    the columns right of the bar
 */
public record Progress(double fraction, List<String> right) {

    public Progress {
        right = List.copyOf(right);
    }

    public static Progress of(double fraction, String... right) {
        return new Progress(fraction, List.of(right));
    }
}
