package dev.k6j.engine.modules;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.ValueType;
import dev.k6j.spi.Vu;
import java.util.Locale;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** The {@code k6/metrics} module: custom {@code Counter}, {@code Gauge}, {@code Rate} and {@code Trend} metrics. */
public final class MetricsModule extends GlueModule {

    public MetricsModule() {
        super("k6/metrics", "metrics.js", Host::new);
    }

    /** Per-VU host of k6/metrics. VU thread only. */
    public record Host(Vu vu) {

        /** Registers a custom metric; allowed only in the init context, as in k6. */
        @HostAccess.Export
        public Metric register(String type, String name, boolean isTime) {
            if (!vu.state().inInitStage()) {
                throw vu.jsError("Error", "metrics must be declared in the init context (the script's top level): "
                        + "move 'new " + type + "(\"" + name + "\")' out of default()");
            }
            if (!Metric.isValidName(name)) {
                throw vu.jsError("Error", "invalid metric name '" + name + "': use 1 to 128 letters, digits, "
                        + "underscores and ._ !?/&#()<>%- only");
            }
            MetricType metricType = MetricType.valueOf(type.toUpperCase(Locale.ROOT));
            try {
                return vu.metrics().register(name, metricType, isTime ? ValueType.TIME : ValueType.DEFAULT);
            } catch (IllegalArgumentException e) {
                throw vu.jsError("Error", e.getMessage());
            }
        }

        @HostAccess.Export
        public boolean add(Metric metric, Value value, Value tags) {
            if (vu.state().inInitStage()) {
                throw vu.jsError("Error", "metric '" + metric.name() + "': add() can't be used in the init context; "
                        + "call it from default(), setup() or teardown()");
            }
            double number;
            if (value.isBoolean()) {
                number = value.asBoolean() ? 1 : 0;
            } else if (value.isNumber()) {
                number = value.asDouble();
            } else {
                String shown = value.isString() ? value.asString() : value.toString();
                vu.logger().log(System.Logger.Level.WARNING, "'" + shown + "' is an invalid value for metric '"
                        + metric.name() + "', a number or a boolean value is expected");
                return false;
            }
            if (metric.type() == MetricType.RATE) {
                number = number != 0 ? 1 : 0;
            }
            vu.emit(new Sample(metric, Sample.nowNanos(), number, Tags.merge(vu.state().tags(), tags, vu),
                    vu.state().metadata()));
            return true;
        }
    }
}
