package dev.k6j.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named metric. Immutable; get one from {@link MetricRegistry#register}.
 *
 * @param name      k6 metric name: 1 to 128 letters, digits and {@code ._ !?/&#()<>%-}
 * @param type      how values aggregate
 * @param valueType what values mean
 */
public record Metric(String name, MetricType type, ValueType valueType) {

    private static final Pattern VALID_NAME = Pattern.compile("^[\\p{L}\\p{N}._ !?/&#()<>%-]{1,128}$");

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(valueType, "valueType");
    }

    /** Whether {@code name} is a valid k6 metric name. */
    public static boolean isValidName(String name) {
        return name != null && VALID_NAME.matcher(name).matches();
    }

    /** A sample of this metric taken now. */
    public Sample sample(double value, TagSet tags) {
        return new Sample(this, Sample.nowNanos(), value, tags, TagSet.EMPTY);
    }
}
