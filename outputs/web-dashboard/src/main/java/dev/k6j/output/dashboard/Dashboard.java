package dev.k6j.output.dashboard;

import dev.k6j.spi.Sample;
import dev.k6j.spi.ValueType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns samples into the dashboard's events, as xk6-dashboard does: {@code param}, {@code metric} and
 * {@code start} at the start; at every flush the new metrics' {@code metric} event, the {@code cumulative}
 * aggregates, the {@code threshold} failures and the period's {@code snapshot}; {@code summary} and {@code stop}
 * at the end. The aggregate lists of {@code cumulative} and {@code snapshot} follow the names of every metric
 * announced so far, sorted, so a page rebuilds the names from the {@code metric} events.
 *
 * <p>Used by the live output (its flushing thread and then the runner's thread, never at once) and by the
 * offline aggregation of a JSON results file. Not thread-safe.
 */
final class Dashboard {

    /** xk6-dashboard's clock, a gauge of Unix milliseconds in every aggregate list. */
    static final String TIME = "time";

    private final EventListener events;
    private final List<String> tags;
    private final TreeMap<String, Map<String, Object>> announced = new TreeMap<>();
    private final Map<String, Map<String, Object>> newcomers = new TreeMap<>();
    private Meter cumulative;
    private Instant start;
    private Instant lastFlush;
    private boolean hasThresholds;
    /** The latest failing thresholds; null until the engine first evaluated them (the page then says so). */
    private Map<String, List<String>> failures;

    Dashboard(EventListener events, List<String> tags) {
        this.events = events;
        this.tags = tags;
    }

    /** Starts the run at {@code now}: the {@code param} event, the clock's {@code metric}, and {@code start}. */
    void start(Map<String, Object> param, Instant now) {
        hasThresholds = param.get("thresholds") instanceof Map<?, ?> thresholds && !thresholds.isEmpty();
        start = now;
        lastFlush = now;
        cumulative = new Meter(tags);
        events.onEvent(new DashboardEvent(DashboardEvent.PARAM, param));
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("type", "gauge");
        clock.put("contains", "time");
        announced.put(TIME, clock);
        events.onEvent(new DashboardEvent(DashboardEvent.METRIC, Map.of(TIME, clock)));
        events.onEvent(new DashboardEvent(DashboardEvent.START, List.of(List.of(now.toEpochMilli()))));
    }

    /** The latest threshold outcome (metric to failing expressions), sent with the next flush. */
    void setThresholdFailures(Map<String, List<String>> latest) {
        failures = Map.copyOf(latest);
    }

    /** Adds the samples since the last flush and sends {@code metric} (if new ones came), {@code cumulative},
     * {@code threshold} (when the test has thresholds and they were evaluated) and the period's {@code snapshot}. */
    void flush(List<Sample> samples, Instant now) {
        Meter period = new Meter(tags);
        for (Sample sample : samples) {
            cumulative.add(sample, this::noteNewcomer);
            period.add(sample, (name, s) -> { });
        }
        if (!newcomers.isEmpty()) {
            announced.putAll(newcomers);
            events.onEvent(new DashboardEvent(DashboardEvent.METRIC, new LinkedHashMap<>(newcomers)));
            newcomers.clear();
        }
        List<String> names = new ArrayList<>(announced.keySet());
        events.onEvent(new DashboardEvent(DashboardEvent.CUMULATIVE,
                withClock(names, cumulative.values(names, Duration.between(start, now)), now)));
        if (hasThresholds && failures != null) {
            events.onEvent(new DashboardEvent(DashboardEvent.THRESHOLD, failures));
        }
        Duration periodLength = Duration.between(lastFlush, now);
        if (!samples.isEmpty() && !periodLength.isZero()) {
            events.onEvent(new DashboardEvent(DashboardEvent.SNAPSHOT,
                    withClock(names, period.values(names, periodLength), now)));
        }
        lastFlush = now;
    }

    /** Ends the run: the end-of-test {@code summary} (when there is one) and {@code stop}. */
    void stop(Map<String, Object> summary, Instant now) {
        if (summary != null) {
            events.onEvent(new DashboardEvent(DashboardEvent.SUMMARY, summary));
        }
        events.onEvent(new DashboardEvent(DashboardEvent.STOP, List.of(List.of(now.toEpochMilli()))));
    }

    private void noteNewcomer(String name, Sample sample) {
        if (!announced.containsKey(name) && !newcomers.containsKey(name)) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("type", sample.metric().type().k6Name());
            if (sample.metric().valueType() != ValueType.DEFAULT) {
                info.put("contains", sample.metric().valueType().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (!BuiltinMetrics.isBuiltin(sample.metric().name())) {
                info.put("custom", true);
            }
            newcomers.put(name, info);
        }
    }

    private static List<List<Number>> withClock(List<String> names, List<List<Number>> values, Instant now) {
        int clock = names.indexOf(TIME);
        values.set(clock, List.of(now.toEpochMilli()));
        return values;
    }

    /** Names of every metric announced so far (for tests). */
    Set<String> names() {
        return announced.keySet();
    }
}
