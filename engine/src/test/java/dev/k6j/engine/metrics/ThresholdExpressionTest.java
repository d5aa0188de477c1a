package dev.k6j.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.sinks.Aggregation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdExpressionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p(95)<200       | PERCENTILE | 95   | LESS             | 200",
        "p(99.9) <= 1.5  | PERCENTILE | 99.9 | LESS_OR_EQUAL    | 1.5",
        "p(0)>0          | PERCENTILE | 0    | GREATER          | 0",
        "p(100)>=1       | PERCENTILE | 100  | GREATER_OR_EQUAL | 1",
        "avg>=10         | AVG        | NaN  | GREATER_OR_EQUAL | 10",
        "'  min >  1  '  | MIN        | NaN  | GREATER          | 1",
        "max<1e3         | MAX        | NaN  | LESS             | 1000",
        "med != 3        | MED        | NaN  | NOT_EQUAL        | 3",
        "count>0         | COUNT      | NaN  | GREATER          | 0",
        "rate<0.01       | RATE       | NaN  | LESS             | 0.01",
        "value==5        | VALUE      | NaN  | EQUAL            | 5",
        "value===5       | VALUE      | NaN  | STRICTLY_EQUAL   | 5",
        "rate > -.5      | RATE       | NaN  | GREATER          | -0.5",
    })
    void everyK6ExpressionFormParses(String source, Aggregation aggregation, double percentile,
                                     ThresholdOperator operator, double value) {
        ThresholdExpression expression = ThresholdExpression.parse(source, "m");

        assertThat(expression.source()).isEqualTo(source);
        assertThat(expression.aggregation()).isEqualTo(aggregation);
        if (Double.isNaN(percentile)) {
            assertThat(expression.percentile()).isNaN();
        } else {
            assertThat(expression.percentile()).isEqualTo(percentile);
        }
        assertThat(expression.operator()).isEqualTo(operator);
        assertThat(expression.value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"p95<200", "avg<", "avg", "foo<5", "p(101)<5", "p(-1)<5", "p(x)<5", "avg<abc",
        "avg=5", "<5", "p( 95 )<5", ""})
    void malformedExpressionsNameTheTextAndTheSyntax(String source) {
        assertThatThrownBy(() -> ThresholdExpression.parse(source, "http_req_duration"))
                .isInstanceOf(K6jException.class)
                .hasMessageStartingWith("invalid threshold '" + source + "' on metric 'http_req_duration': ")
                .hasMessageContaining("<aggregation> <operator> <number>")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((K6jException) e).exitCode()).isEqualTo(ExitCode.INVALID_CONFIG));
    }

    @ParameterizedTest
    @CsvSource({"1,2,true,true,false,false,false,true", "2,2,false,true,false,true,true,false",
        "3,2,false,false,true,true,false,true"})
    void operatorsCompareAsK6(double lhs, double rhs, boolean lt, boolean le, boolean gt, boolean ge, boolean eq,
                              boolean ne) {
        assertThat(ThresholdOperator.LESS.test(lhs, rhs)).isEqualTo(lt);
        assertThat(ThresholdOperator.LESS_OR_EQUAL.test(lhs, rhs)).isEqualTo(le);
        assertThat(ThresholdOperator.GREATER.test(lhs, rhs)).isEqualTo(gt);
        assertThat(ThresholdOperator.GREATER_OR_EQUAL.test(lhs, rhs)).isEqualTo(ge);
        assertThat(ThresholdOperator.EQUAL.test(lhs, rhs)).isEqualTo(eq);
        assertThat(ThresholdOperator.STRICTLY_EQUAL.test(lhs, rhs)).isEqualTo(eq);
        assertThat(ThresholdOperator.NOT_EQUAL.test(lhs, rhs)).isEqualTo(ne);
    }
}
