package dev.k6j.engine.metrics;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.sinks.Aggregation;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed threshold expression, {@code <aggregation> <operator> <number>} such as {@code p(95)<200}. Immutable.
 *
 * <p>Parsed as k6's {@code parseThresholdExpression}: the first operator found (trying {@code <=, <, >=, >, ===, ==,
 * !=} in turn) splits the text; both sides are trimmed; the left must be {@code count}, {@code rate},
 * {@code value}, {@code avg}, {@code min}, {@code max}, {@code med} or {@code p(N)}; the right a number.
 *
 * @param source      the text as written, which names the threshold in the summary
 * @param aggregation what to compute from the sink
 * @param percentile  N of {@code p(N)}, from 0 to 100; {@code NaN} for other aggregations
 * @param operator    the comparison
 * @param value       the number compared with
 */
public record ThresholdExpression(String source, Aggregation aggregation, double percentile,
                                  ThresholdOperator operator, double value) {

    /** What a threshold looks like, for error messages. */
    public static final String SYNTAX = "write '<aggregation> <operator> <number>' such as 'p(95)<200' or 'rate<0.01',"
            + " with aggregation count, rate, value, avg, min, max, med or p(N) and operator <, <=, >, >=, ==, ===, !=";

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    public ThresholdExpression {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(operator, "operator");
    }

    /**
     * Parses an expression.
     *
     * @param source    the expression
     * @param metricKey the metric it is defined on, for the error message
     * @throws K6jException (invalid config) naming the text and the syntax
     */
    public static ThresholdExpression parse(String source, String metricKey) {
        for (ThresholdOperator operator : ThresholdOperator.values()) {
            int at = source.indexOf(operator.token());
            if (at < 0) {
                continue;
            }
            String left = source.substring(0, at).strip();
            String right = source.substring(at + operator.token().length()).strip();
            if (!NUMBER.matcher(right).matches()) {
                throw invalid(source, metricKey, "'" + right + "' is not a number");
            }
            double value = Double.parseDouble(right);
            Optional<Aggregation> keyword = Aggregation.ofKeyword(left);
            if (keyword.isPresent()) {
                return new ThresholdExpression(source, keyword.get(), Double.NaN, operator, value);
            }
            return new ThresholdExpression(source, Aggregation.PERCENTILE, percentile(left, source, metricKey),
                    operator, value);
        }
        throw invalid(source, metricKey, "it has no comparison operator");
    }

    private static double percentile(String left, String source, String metricKey) {
        if (!left.startsWith("p(") || !left.endsWith(")")) {
            throw invalid(source, metricKey, "'" + left + "' is not an aggregation");
        }
        String n = left.substring(2, left.length() - 1);
        if (!NUMBER.matcher(n).matches()) {
            throw invalid(source, metricKey, "'" + n + "' in '" + left + "' is not a number");
        }
        double percentile = Double.parseDouble(n);
        if (percentile < 0 || percentile > 100) {
            throw invalid(source, metricKey, "the percentile in '" + left + "' must be between 0 and 100");
        }
        return percentile;
    }

    private static K6jException invalid(String source, String metricKey, String why) {
        return K6jException.invalidConfig("invalid threshold '" + source + "' on metric '" + metricKey + "': "
                + why + "; " + SYNTAX);
    }

    /** The aggregation as written for error messages: {@code p(95)}, {@code avg}. */
    public String aggregationText() {
        if (aggregation != Aggregation.PERCENTILE) {
            return aggregation.token();
        }
        return "p(" + (percentile == Math.rint(percentile) ? String.valueOf((long) percentile)
                : String.valueOf(percentile)) + ")";
    }

    @Override
    public String toString() {
        return source;
    }
}
