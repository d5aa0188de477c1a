package dev.k6j.engine.metrics;

import static dev.k6j.engine.metrics.Samples.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.sinks.CounterValues;
import dev.k6j.sinks.GaugeValues;
import dev.k6j.sinks.TrendValues;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsEngineTest {

    private final MetricRegistryImpl registry = new MetricRegistryImpl();
    private final BuiltinMetrics builtin = new BuiltinMetrics(registry);

    @Test
    void batchesFromManyProducersAllReachTheSinksAndTheListenersInTheirPushOrder() throws Exception {
        int producers = 8;
        int batchesEach = 500;
        int samplesPerBatch = 10;
        List<List<Sample>> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicLong listenerSamples = new AtomicLong();
        Map<String, List<Double>> firstValuesByProducer = new ConcurrentHashMap<>();

        try (MetricsEngine engine = new MetricsEngine(registry, 4)) {
            engine.addListener(seen::add);
            engine.addListener(batch -> listenerSamples.addAndGet(batch.size()));
            engine.addListener(batch -> firstValuesByProducer
                    .computeIfAbsent(batch.getFirst().tags().get("producer"), p -> new ArrayList<>())
                    .add(batch.getFirst().value()));
            engine.start();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                String producer = "p" + p;
                threads.add(Thread.ofPlatform().start(() -> {
                    awaitQuietly(go);
                    for (int b = 0; b < batchesEach; b++) {
                        List<Sample> batch = new ArrayList<>();
                        for (int s = 0; s < samplesPerBatch; s++) {
                            batch.add(sample(builtin.iterations, b, "producer", producer));
                        }
                        engine.push(batch);
                    }
                }));
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            engine.flush();

            CounterValues iterations = (CounterValues) engine.snapshot().metric("iterations").orElseThrow().values();
            long expectedSamples = (long) producers * batchesEach * samplesPerBatch;
            double expectedSum = producers * samplesPerBatch * (batchesEach * (batchesEach - 1) / 2.0);
            assertThat(iterations.samples()).isEqualTo(expectedSamples);
            assertThat(iterations.sum()).isEqualTo(expectedSum);
            assertThat(seen).hasSize(producers * batchesEach);
            assertThat(listenerSamples.get()).isEqualTo(expectedSamples);
            assertThat(firstValuesByProducer).hasSize(producers);
            firstValuesByProducer.values().forEach(values -> assertThat(values).isSorted().hasSize(batchesEach));
        }
    }

    @Test
    void flushWaitsForEveryBatchPushedBefore() {
        try (MetricsEngine engine = new MetricsEngine(registry, 2)) {
            List<Integer> delivered = Collections.synchronizedList(new ArrayList<>());
            engine.addListener(batch -> delivered.add(batch.size()));
            engine.start();
            for (int i = 1; i <= 50; i++) {
                engine.push(List.of(sample(builtin.dataSent, i)));
            }
            engine.flush();

            assertThat(delivered).hasSize(50);
            assertThat(((CounterValues) engine.snapshot().metric("data_sent").orElseThrow().values()).sum())
                    .isEqualTo(1275);
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthersNorLaterBatches() {
        try (MetricsEngine engine = new MetricsEngine(registry, 4)) {
            AtomicLong received = new AtomicLong();
            engine.addListener(batch -> {
                throw new IllegalStateException("broken output");
            });
            engine.addListener(batch -> received.addAndGet(batch.size()));
            engine.start();
            engine.push(List.of(sample(builtin.vus, 1)));
            engine.push(List.of(sample(builtin.vus, 2)));
            engine.flush();

            assertThat(received.get()).isEqualTo(2);
            assertThat(engine.snapshot().metric("vus").orElseThrow().values()).isEqualTo(new GaugeValues(2, 1, 2, 2));
        }
    }

    @Test
    void samplesPushedAfterCloseAreCountedAndDropped() {
        MetricsEngine engine = new MetricsEngine(registry, 4);
        AtomicLong received = new AtomicLong();
        engine.addListener(batch -> received.addAndGet(batch.size()));
        engine.start();
        engine.push(List.of(sample(builtin.iterations, 1)));
        engine.close();
        engine.push(List.of(sample(builtin.iterations, 1), sample(builtin.iterations, 1)));
        engine.flush();
        engine.close();

        assertThat(received.get()).isEqualTo(1);
        assertThat(engine.droppedAfterClose()).isEqualTo(2);
        assertThat(((CounterValues) engine.snapshot().metric("iterations").orElseThrow().values()).sum()).isEqualTo(1);
    }

    @Test
    void onlyObservedMetricsAreInTheSnapshotInTheOrderFirstSeen() {
        try (MetricsEngine engine = new MetricsEngine(registry, 4)) {
            engine.start();
            engine.push(List.of(sample(builtin.iterationDuration, 12), sample(builtin.vus, 3)));
            engine.push(List.of(sample(builtin.iterations, 1)));
            engine.flush();

            assertThat(engine.snapshot().metrics().keySet())
                    .containsExactly("iteration_duration", "vus", "iterations");
        }
    }

    @Test
    void httpReqDurationGetsTheExpectedResponseSubmetricOnceMatchingSamplesArrive() {
        Metric duration = registry.register("http_req_duration", MetricType.TREND, ValueType.TIME);
        try (MetricsEngine engine = new MetricsEngine(registry, 4)) {
            engine.start();
            engine.push(List.of(sample(duration, 10, "expected_response", "false")));
            engine.flush();
            assertThat(engine.snapshot().metrics().keySet()).containsExactly("http_req_duration");

            engine.push(List.of(sample(duration, 20, "expected_response", "true", "status", "200")));
            engine.flush();
            MetricSnapshot expected = engine.snapshot().metric("http_req_duration{expected_response:true}")
                    .orElseThrow();
            assertThat(expected.isSubmetric()).isTrue();
            assertThat(expected.metric()).isEqualTo(duration);
            assertThat(((TrendValues) expected.values()).count()).isEqualTo(1);
        }
    }

    @Test
    void checksAreTalliedByGroupAndNameAndGroupsInOrderOfFirstAppearance() {
        try (MetricsEngine engine = new MetricsEngine(registry, 4)) {
            engine.start();
            engine.push(List.of(
                    sample(builtin.checks, 1, "check", "status is 200", "group", ""),
                    sample(builtin.checks, 0, "check", "status is 200", "group", ""),
                    sample(builtin.checks, 1, "check", "body ok", "group", "::outer::inner"),
                    sample(builtin.groupDuration, 5, "group", "::outer::inner"),
                    sample(builtin.groupDuration, 9, "group", "::outer"),
                    sample(builtin.groupDuration, 1, "group", "::second"),
                    sample(builtin.checks, 1, "check", "status is 200", "group", "")));
            engine.flush();
            MetricsSnapshot snapshot = engine.snapshot();

            assertThat(snapshot.groupPaths()).containsExactly("::outer", "::outer::inner", "::second");
            assertThat(snapshot.checks()).containsExactly(
                    new CheckCount("", "status is 200", 2, 1),
                    new CheckCount("::outer::inner", "body ok", 1, 0));
        }
    }

    @Test
    void flushBeforeStartProcessesTheQueueOnTheCallingThread() {
        MetricsEngine engine = new MetricsEngine(registry, 4);
        engine.push(List.of(sample(builtin.iterations, 3)));
        engine.flush();

        assertThat(((CounterValues) engine.snapshot().metric("iterations").orElseThrow().values()).sum()).isEqualTo(3);
        engine.close();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
