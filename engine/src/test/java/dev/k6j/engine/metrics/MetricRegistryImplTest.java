package dev.k6j.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.ValueType;
import org.junit.jupiter.api.Test;

class MetricRegistryImplTest {

    private final MetricRegistryImpl registry = new MetricRegistryImpl();

    @Test
    void registeringTheSameMetricTwiceReturnsTheSameMetric() {
        Metric first = registry.register("my_trend", MetricType.TREND, ValueType.TIME);
        Metric second = registry.register("my_trend", MetricType.TREND, ValueType.TIME);

        assertThat(second).isSameAs(first);
        assertThat(registry.all()).containsExactly(first);
        assertThat(registry.get("my_trend")).contains(first);
        assertThat(registry.get("other")).isEmpty();
    }

    @Test
    void aNameThatIsNotValidIsRefusedWithAReadableMessage() {
        assertThatThrownBy(() -> registry.register("bad{name}", MetricType.COUNTER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid metric name 'bad{name}'");
        assertThatThrownBy(() -> registry.register("", MetricType.COUNTER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.register("x".repeat(129), MetricType.COUNTER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameNameWithAnotherTypeOrValueTypeIsRefusedNamingBoth() {
        registry.register("things", MetricType.COUNTER);

        assertThatThrownBy(() -> registry.register("things", MetricType.TREND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counter (default)")
                .hasMessageContaining("trend (default)");
        assertThatThrownBy(() -> registry.register("things", MetricType.COUNTER, ValueType.DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counter (default)")
                .hasMessageContaining("counter (data)");
    }

    @Test
    void builtinMetricsHaveK6sTypes() {
        BuiltinMetrics builtin = new BuiltinMetrics(registry);

        assertThat(builtin.vus).isEqualTo(new Metric("vus", MetricType.GAUGE, ValueType.DEFAULT));
        assertThat(builtin.vusMax).isEqualTo(new Metric("vus_max", MetricType.GAUGE, ValueType.DEFAULT));
        assertThat(builtin.iterations).isEqualTo(new Metric("iterations", MetricType.COUNTER, ValueType.DEFAULT));
        assertThat(builtin.iterationDuration)
                .isEqualTo(new Metric("iteration_duration", MetricType.TREND, ValueType.TIME));
        assertThat(builtin.droppedIterations)
                .isEqualTo(new Metric("dropped_iterations", MetricType.COUNTER, ValueType.DEFAULT));
        assertThat(builtin.checks).isEqualTo(new Metric("checks", MetricType.RATE, ValueType.DEFAULT));
        assertThat(builtin.groupDuration).isEqualTo(new Metric("group_duration", MetricType.TREND, ValueType.TIME));
        assertThat(builtin.dataSent).isEqualTo(new Metric("data_sent", MetricType.COUNTER, ValueType.DATA));
        assertThat(builtin.dataReceived).isEqualTo(new Metric("data_received", MetricType.COUNTER, ValueType.DATA));
        assertThat(registry.all()).hasSize(9);
    }
}
