package dev.k6j.testkit;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.OutputParams;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Helpers for testing an output without an engine: parameters as the engine would pass them, realistic
 * samples, and a standard output that can be made to block. {@link OutputContract} is built on them.
 */
public final class OutputTestKit {

    /** The metrics {@link #samples} draws from: one of each type. */
    public static final List<Metric> METRICS = List.of(
            new Metric("http_reqs", MetricType.COUNTER, ValueType.DEFAULT),
            new Metric("vus", MetricType.GAUGE, ValueType.DEFAULT),
            new Metric("checks", MetricType.RATE, ValueType.DEFAULT),
            new Metric("http_req_duration", MetricType.TREND, ValueType.TIME),
            new Metric("data_received", MetricType.COUNTER, ValueType.DATA));

    /** One sample as an output delivered it: enough to check none was lost or changed. */
    public record Delivered(String metric, double value) {
    }

    private OutputTestKit() {
    }

    /** The parameters the engine passes to {@code factory} for {@code --out <name>=<argument>}. */
    public static OutputParams params(OutputFactory factory, String argument, Map<String, Object> jsonConfig,
            Map<String, String> environment, Path workingDirectory, PrintStream stdout) {
        return new OutputParams(factory.name(), argument, jsonConfig, environment, Map.of(), workingDirectory,
                stdout, System.err, System.getLogger("k6j.output." + factory.name()));
    }

    /**
     * {@code count} samples, numbered from {@code first}: metrics in turn, tagged like HTTP samples, values that
     * survive any output's number format (multiples of 0.25), times one microsecond apart.
     */
    public static List<Sample> samples(int first, int count) {
        List<Sample> samples = new ArrayList<>(count);
        long start = Sample.nowNanos();
        for (int i = first; i < first + count; i++) {
            Metric metric = METRICS.get(i % METRICS.size());
            TagSet tags = TagSet.of("scenario", "default").with("method", "GET")
                    .with("url", "http://127.0.0.1/items?id=" + (i % 10) + "&page=1").with("status", "200");
            TagSet metadata = i % 3 == 0 ? TagSet.of("vu", String.valueOf(i % 7)) : TagSet.EMPTY;
            samples.add(new Sample(metric, start + i * 1_000L, metric.type() == MetricType.RATE ? i % 2 : i * 0.25,
                    tags, metadata));
        }
        return samples;
    }

    /** What {@link #samples} produced, as {@link Delivered} values, for comparing with what an output delivered. */
    public static List<Delivered> expected(List<Sample> samples) {
        return samples.stream().map(s -> new Delivered(s.metric().name(), s.value())).toList();
    }

    /**
     * A stream for an output's standard output that, once {@link #block() blocked}, holds every writer until
     * {@link #release()} — delivery as slow as it gets.
     */
    public static final class BlockingStream extends OutputStream {
        private final CountDownLatch released = new CountDownLatch(1);
        private final CountDownLatch writerBlocked = new CountDownLatch(1);
        private volatile boolean blocking;

        /** From now on, writes wait for {@link #release()}. */
        public void block() {
            blocking = true;
        }

        /** Lets every waiting and future write through. */
        public void release() {
            blocking = false;
            released.countDown();
        }

        /** Waits until some thread is stuck writing. */
        public boolean awaitBlockedWriter(long timeout, TimeUnit unit) throws InterruptedException {
            return writerBlocked.await(timeout, unit);
        }

        @Override
        public void write(int b) throws IOException {
            waitIfBlocked();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            waitIfBlocked();
        }

        private void waitIfBlocked() throws IOException {
            if (!blocking) {
                return;
            }
            writerBlocked.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while blocked", e);
            }
        }
    }
}
