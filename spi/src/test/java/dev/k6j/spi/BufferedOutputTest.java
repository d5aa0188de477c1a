package dev.k6j.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BufferedOutputTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Metric metric = new Metric("hits", MetricType.COUNTER, ValueType.DEFAULT);

    @Test
    void deliversEverythingGivenBeforeStopAndSaysSo() throws Exception {
        List<Sample> delivered = new CopyOnWriteArrayList<>();
        Recording output = new Recording(batch -> delivered.addAll(batch));
        output.start();
        output.addMetricSamples(samples(3));
        output.addMetricSamples(samples(2));
        output.stop();
        output.addMetricSamples(samples(4)); // after stop: ignored

        assertThat(delivered).hasSize(5);
        assertThat(output.lastCalls).containsExactly(true);
        assertThat(logged).containsExactly("INFO recording: delivered 5 of 5 samples to the list");
    }

    @Test
    void anOutputThatDeliveredNothingSaysSoWithItsLastFailure() throws Exception {
        Recording output = new Recording(batch -> {
            throw new IllegalStateException("connection refused");
        });
        output.start();
        output.addMetricSamples(samples(7));
        output.stop();

        assertThat(logged).contains("ERROR recording delivered nothing: none of the 7 samples reached the list"
                + " (last failure: connection refused)");
    }

    @Test
    void stopWithoutStartAndSecondCallsDoNothing() throws Exception {
        Recording neverStarted = new Recording(batch -> { });
        neverStarted.stop();
        neverStarted.start(); // a stopped output stays stopped
        assertThat(neverStarted.lastCalls).isEmpty();
        assertThat(logged).isEmpty();

        Recording output = new Recording(batch -> { });
        output.start();
        output.start();
        output.stop();
        output.stop();
        assertThat(output.lastCalls).containsExactly(true);
        assertThat(logged).hasSize(1);
    }

    private List<Sample> samples(int count) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new Sample(metric, i, 1, TagSet.of(Map.of()), TagSet.of(Map.of())));
        }
        return samples;
    }

    private final class Recording extends BufferedOutput {
        private final java.util.function.Consumer<List<Sample>> sink;
        final List<Boolean> lastCalls = new ArrayList<>();

        Recording(java.util.function.Consumer<List<Sample>> sink) {
            super("recording", Duration.ofHours(1), new Log());
            this.sink = sink;
        }

        @Override
        public String description() {
            return "recording";
        }

        @Override
        protected String destination() {
            return "the list";
        }

        @Override
        protected void deliver(List<Sample> batch, boolean last) {
            lastCalls.add(last);
            try {
                sink.accept(batch);
                report().delivered(batch.size());
            } catch (IllegalStateException e) {
                report().failed(batch.size(), e.getMessage());
            }
        }
    }

    private final class Log implements System.Logger {
        public String getName() { return "test"; }
        public boolean isLoggable(Level level) { return true; }
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            logged.add(level + " " + message);
        }
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            logged.add(level + " " + format);
        }
    }
}
