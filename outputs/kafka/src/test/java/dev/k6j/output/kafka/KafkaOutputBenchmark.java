package dev.k6j.output.kafka;

import dev.k6j.spi.Output;
import dev.k6j.spi.Sample;
import dev.k6j.testkit.OutputTestKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many samples per second the output moves into a real (in-process) broker: {@code count} samples added in
 * batches of 1,000 as fast as the engine's ingester could, then {@code stop()}, which waits for every
 * acknowledgement. Prints the rate, the delivery report and what the topic holds. Run by
 * {@code benchmarks/kafka-output.sh}; not a test.
 */
public final class KafkaOutputBenchmark {

    private KafkaOutputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        EmbeddedKafka kafka = new EmbeddedKafka();
        kafka.beforeAll(null);
        try {
            for (String format : List.of("json", "influxdb")) {
                run(kafka, format, count / 10); // warm-up: JIT, connections
                run(kafka, format, count);
            }
        } finally {
            kafka.afterAll(null);
        }
    }

    private static void run(EmbeddedKafka kafka, String format, int count) throws Exception {
        String topic = kafka.createTopic(3);
        KafkaOutputFactory factory = new KafkaOutputFactory();
        KafkaOutput output = (KafkaOutput) factory.create(OutputTestKit.params(factory, "brokers="
                + kafka.bootstrapServers() + ",topic=" + topic + ",format=" + format, Map.of(), Map.of(), Path.of("."),
                System.out));
        output.start();
        long began = System.nanoTime();
        long adding = 0;
        for (int first = 0; first < count; first += 1_000) {
            List<Sample> batch = OutputTestKit.samples(first, Math.min(1_000, count - first));
            long before = System.nanoTime();
            output.addMetricSamples(batch);
            adding += System.nanoTime() - before;
        }
        long added = System.nanoTime();
        ((Output) output).stop();
        long stopped = System.nanoTime();
        KafkaReport report = output.report();
        double seconds = (stopped - began) / 1e9;
        System.out.printf(Locale.ROOT, "%-8s %,10d samples: %,9.0f samples/s end to end (%.2f s, of which stop()"
                        + " %.2f s); addMetricSamples %.1f ns/sample; %s; topic holds %,d records%n", format, count,
                count / seconds, seconds, (stopped - added) / 1e9, (double) adding / count,
                report.summary(topic, format), kafka.recordCount(topic));
    }
}
