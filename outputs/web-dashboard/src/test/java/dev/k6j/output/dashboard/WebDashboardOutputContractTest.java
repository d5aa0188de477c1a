package dev.k6j.output.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.Sample;
import dev.k6j.testkit.OutputContract;
import dev.k6j.testkit.OutputTestKit.BlockingStream;
import dev.k6j.testkit.OutputTestKit.Delivered;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The output contract every output passes, with the recording ({@code record}) as the destination. The dashboard
 * aggregates, so "every sample delivered" means: the last {@code cumulative} event counts every sample of every
 * metric — a counter's sum, a trend's count, a rate's passes and fails, a gauge's last value, minimum and maximum.
 */
class WebDashboardOutputContractTest extends OutputContract {

    private static final String RECORDING = "events.ndjson";

    @Override
    protected OutputFactory factory() {
        return new WebDashboardOutputFactory();
    }

    @Override
    protected String argument() {
        return "port=-1&period=50ms&record=" + RECORDING;
    }

    @Override
    protected String stdoutArgument() {
        return argument(); // the dashboard never writes to stdout: slowDelivery blocks a listener instead
    }

    @Override
    protected Output slowDelivery(BlockingStream blocking) {
        WebDashboardOutput output = (WebDashboardOutput) newOutput(argument(),
                new PrintStream(PrintStream.nullOutputStream()));
        output.addListener(event -> {
            try {
                blocking.write(event.name().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return output;
    }

    @Override
    protected List<Delivered> delivered() throws IOException {
        Path recording = workingDirectory.resolve(RECORDING);
        if (!Files.exists(recording)) {
            return List.of();
        }
        TreeMap<String, String> types = new TreeMap<>();
        List<JsonNode> lastCumulative = new ArrayList<>();
        List<String> namesThen = new ArrayList<>();
        try (var reader = EventsReader.reader(recording)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                JsonNode event = EventsReader.parse(line, recording, ++number);
                JsonNode data = event.get("data");
                switch (event.get("event").asText()) {
                    case DashboardEvent.METRIC -> data.properties()
                            .forEach(e -> types.put(e.getKey(), e.getValue().path("type").asText()));
                    case DashboardEvent.CUMULATIVE -> {
                        lastCumulative.clear();
                        data.forEach(lastCumulative::add);
                        namesThen.clear();
                        namesThen.addAll(types.keySet()); // the values follow the sorted names announced so far
                    }
                    default -> { }
                }
            }
        }
        List<Delivered> delivered = new ArrayList<>();
        for (int i = 0; i < namesThen.size(); i++) {
            String name = namesThen.get(i);
            JsonNode values = lastCumulative.get(i);
            if (name.equals(Dashboard.TIME) || name.contains("{") || values.isEmpty()) {
                continue;   // the clock, and sub-metrics, which repeat their metric's samples
            }
            switch (types.get(name)) {
                case "counter" -> delivered.add(new Delivered(name + " count", values.get(0).asDouble()));
                case "trend" -> delivered.add(new Delivered(name + " count", values.get(7).asDouble()));
                case "rate" -> {
                    delivered.add(new Delivered(name + " passes", values.get(1).asDouble()));
                    delivered.add(new Delivered(name + " fails", values.get(2).asDouble()));
                }
                case "gauge" -> {
                    delivered.add(new Delivered(name + " value", values.get(0).asDouble()));
                    delivered.add(new Delivered(name + " min", values.get(1).asDouble()));
                    delivered.add(new Delivered(name + " max", values.get(2).asDouble()));
                }
                default -> throw new AssertionError("unknown metric type of " + name + ": " + types.get(name));
            }
        }
        return delivered;
    }

    @Override
    protected List<Delivered> expected(List<Sample> added) {
        Map<String, List<Sample>> byMetric = new LinkedHashMap<>();
        added.forEach(s -> byMetric.computeIfAbsent(s.metric().name(), k -> new ArrayList<>()).add(s));
        List<Delivered> expected = new ArrayList<>();
        byMetric.forEach((name, samples) -> {
            double[] values = samples.stream().mapToDouble(Sample::value).toArray();
            switch (samples.get(0).metric().type()) {
                case COUNTER -> expected.add(new Delivered(name + " count", shown(sum(values))));
                case TREND -> expected.add(new Delivered(name + " count", values.length));
                case RATE -> {
                    long passes = java.util.Arrays.stream(values).filter(v -> v != 0).count();
                    expected.add(new Delivered(name + " passes", passes));
                    expected.add(new Delivered(name + " fails", values.length - passes));
                }
                case GAUGE -> {
                    expected.add(new Delivered(name + " value", shown(values[values.length - 1])));
                    expected.add(new Delivered(name + " min",
                            shown(java.util.Arrays.stream(values).min().orElseThrow())));
                    expected.add(new Delivered(name + " max",
                            shown(java.util.Arrays.stream(values).max().orElseThrow())));
                }
            }
        });
        return expected;
    }

    private static double sum(double[] values) {
        return java.util.Arrays.stream(values).sum();
    }

    /** A value as the dashboard shows it: at most five significant digits. */
    private static double shown(double value) {
        return Aggregates.significant(value).doubleValue();
    }
}
