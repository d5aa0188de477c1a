package dev.k6j.output.prometheus;

import dev.k6j.output.prometheus.prompb.Types;
import dev.k6j.spi.Metric;
import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import dev.k6j.testkit.OutputContract;
import dev.k6j.testkit.OutputTestKit.BlockingStream;
import dev.k6j.testkit.OutputTestKit.Delivered;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The output contract every output passes, with a remote-write receiver as the destination. The output sends each
 * series' value so far, so "every sample delivered" means: the last value of every series is the aggregate of all
 * its samples (the sum of a counter, a gauge's last value, a rate's share, a trend's p(99) in seconds).
 */
class PrometheusOutputContractTest extends OutputContract {

    private RemoteWriteReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = RemoteWriteReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Override
    protected OutputFactory factory() {
        return new PrometheusOutputFactory();
    }

    @Override
    protected String argument() {
        return "url=" + receiver.url() + ",pushInterval=100ms";
    }

    @Override
    protected String stdoutArgument() {
        return argument(); // this output never writes to stdout: slowDelivery blocks the receiver instead
    }

    @Override
    protected Output slowDelivery(BlockingStream blocking) {
        receiver.beforeAnswer(exchange -> {
            try {
                blocking.write(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return newOutput(argument(), new PrintStream(PrintStream.nullOutputStream()));
    }

    @Override
    protected List<Delivered> delivered() {
        return receiver.lastValues().entrySet().stream().map(e -> new Delivered(e.getKey(), e.getValue())).toList();
    }

    @Override
    protected List<Delivered> expected(List<Sample> added) {
        Map<String, List<Sample>> bySeries = new LinkedHashMap<>();
        for (Sample sample : added) {
            bySeries.computeIfAbsent(sample.metric().name() + sample.tags(), k -> new ArrayList<>()).add(sample);
        }
        List<Delivered> expected = new ArrayList<>();
        for (List<Sample> samples : bySeries.values()) {
            Metric metric = samples.get(0).metric();
            TagSet tags = samples.get(0).tags();
            double[] values = samples.stream().mapToDouble(Sample::value).toArray();
            double value = switch (metric.type()) {
                case COUNTER -> java.util.Arrays.stream(values).sum();
                case GAUGE -> values[values.length - 1];
                case RATE -> (double) java.util.Arrays.stream(values).filter(v -> v != 0).count() / values.length;
                case TREND -> p99(values) / (metric.valueType() == ValueType.TIME ? 1000 : 1);
            };
            String suffix = switch (metric.type()) {
                case COUNTER -> "_total";
                case RATE -> "_rate";
                case TREND -> "_p99";
                case GAUGE -> "";
            };
            expected.add(new Delivered(id("k6_" + metric.name() + suffix, tags), value));
        }
        return expected;
    }

    private static double p99(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double rank = 0.99 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }

    private static String id(String name, TagSet tags) {
        Types.TimeSeries.Builder series = Types.TimeSeries.newBuilder()
                .addLabels(Types.Label.newBuilder().setName("__name__").setValue(name));
        tags.forEach((k, v) -> series.addLabels(Types.Label.newBuilder().setName(k).setValue(v)));
        return RemoteWriteReceiver.id(series.build());
    }
}
