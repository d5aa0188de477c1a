package dev.k6j.output.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;

/**
 * A test run with {@code --out kafka} while its broker goes away twice: once for less than the delivery timeout
 * (nothing may be lost) and once for longer (what expires must be counted and reported). Prints what the output
 * delivered, failed and reported, what the topic holds (and whether anything is there twice), and how the run
 * ended. Run by {@code benchmarks/faults.sh}; not a test.
 */
public final class KafkaFaultBenchmark {

    private KafkaFaultBenchmark() {
    }

    /** Arguments: the test script (the kafka tests' metrics.js), a work folder, the run's seconds. */
    public static void main(String[] args) throws Exception {
        Path script = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Duration deliveryTimeout = Duration.ofSeconds(5);
        EmbeddedKafka kafka = new EmbeddedKafka();
        kafka.beforeAll(null);
        try {
            String topic = kafka.createTopic(2);
            long[] downAt = {seconds / 5, seconds / 2};
            long[] downFor = {2, 15};
            CompletableFuture<String> faults = CompletableFuture.supplyAsync(() -> {
                StringBuilder timeline = new StringBuilder();
                long began = System.nanoTime();
                try {
                    for (int i = 0; i < downAt.length; i++) {
                        Thread.sleep(Math.max(0, downAt[i] * 1000 - (System.nanoTime() - began) / 1_000_000));
                        long at = (System.nanoTime() - began) / 1_000_000_000;
                        kafka.restartBroker(Duration.ofSeconds(downFor[i]));
                        timeline.append(String.format(Locale.ROOT, "broker down at %d s for %d s (+ its restart); ",
                                at, downFor[i]));
                    }
                } catch (Exception e) {
                    timeline.append("fault injection failed: ").append(e);
                }
                return timeline.toString();
            });
            Path results = work.resolve("results.json");
            Path summary = work.resolve("summary.json");
            long began = System.nanoTime();
            CliRun run = CliRun.of("run", "-q", "--address", "", "--out", "kafka=brokers=" + kafka.bootstrapServers()
                    + ",topic=" + topic + ",pushInterval=500ms,deliveryTimeout=" + deliveryTimeout.toSeconds() + "s",
                    "--out", "json=" + results, "--summary-export", summary.toString(),
                    "-e", "DURATION=" + seconds + "s", "-e", "SLEEP=0.02", script.toString());
            double wall = (System.nanoTime() - began) / 1e9;
            String timeline = faults.get();

            List<String> points = Files.readAllLines(results).stream()
                    .filter(line -> line.contains("\"type\":\"Point\"")).toList();
            List<String> records = kafka.records(topic);
            long duplicates = records.size() - new HashSet<>(records).size();
            HashSet<String> written = new HashSet<>(points);
            long foreign = records.stream().filter(r -> !written.contains(r)).count();
            JsonNode metrics = new ObjectMapper().readTree(summary.toFile()).get("metrics");
            Matcher closing = KafkaRun.CLOSING.matcher(run.stderr());
            System.out.println("kafka broker restarts during a " + seconds + " s run (deliveryTimeout "
                    + deliveryTimeout.toSeconds() + " s): " + timeline);
            System.out.printf(Locale.ROOT, "  run: exit %d after %.1f s; iterations %,d (summary)%n", run.exitCode(),
                    wall, metrics.path("iterations").path("count").asLong());
            if (closing.find()) {
                System.out.printf(Locale.ROOT, "  output: delivered %s of %s samples, %s failed (expired while the "
                        + "broker was away)%n", closing.group(1), closing.group(2),
                        closing.group(3) == null ? "0" : closing.group(3));
            }
            System.out.printf(Locale.ROOT, "  topic: %,d records of the run's %,d samples; %d twice; %d not from"
                    + " the run%n", records.size(), points.size(), duplicates, foreign);
            run.stderr().lines().filter(line -> line.contains("kafka") || line.contains("topic"))
                    .forEach(line -> System.out.println("  log: " + line));
        } finally {
            kafka.afterAll(null);
        }
    }
}
