package dev.k6j.engine.run;

import dev.k6j.engine.config.OptionValues;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.scenario.ScenarioPlanner;
import dev.k6j.engine.segment.ExecutionSegment;
import dev.k6j.engine.segment.ExecutionSegmentSequence;
import dev.k6j.engine.segment.ExecutionTuple;
import dev.k6j.engine.vu.SystemTags;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The consolidated test options, typed and checked. Build with {@link #from(Map)}.
 *
 * @param raw                  the merged options as JSON-like data (what {@code k6j inspect} prints)
 * @param scenarios            the workload
 * @param thresholds           {@code options.thresholds} as given (parsed by the metrics engine)
 * @param tags                 test-wide tags
 * @param summaryTrendStats    trend statistics in the summary
 * @param summaryTimeUnit      fixed time unit of the summary, or {@code null} for automatic
 * @param setupTimeout         limit for {@code setup()}
 * @param teardownTimeout      limit for {@code teardown()}
 * @param handleSummaryTimeout limit for {@code handleSummary()}
 * @param noSetup              skip {@code setup()}
 * @param noTeardown           skip {@code teardown()}
 * @param noThresholds         don't evaluate thresholds
 * @param noSummary            print no end-of-test summary
 * @param systemTags           enabled system tags
 * @param minIterationDuration the shortest an iteration may take
 * @param executionTuple       this instance's execution segment in its sequence ({@code executionSegment},
 *                             {@code executionSegmentSequence})
 * @param paused               start the test paused, to be resumed through the REST API
 */
public record TestOptions(Map<String, Object> raw, List<ScenarioConfig> scenarios, Map<String, Object> thresholds,
                          Map<String, String> tags, List<String> summaryTrendStats, String summaryTimeUnit,
                          Duration setupTimeout, Duration teardownTimeout, Duration handleSummaryTimeout,
                          boolean noSetup, boolean noTeardown, boolean noThresholds, boolean noSummary,
                          SystemTags systemTags, Duration minIterationDuration, ExecutionTuple executionTuple,
                          boolean paused) {

    public static final List<String> DEFAULT_TREND_STATS = List.of("avg", "min", "med", "max", "p(90)", "p(95)");

    public static TestOptions from(Map<String, Object> raw) {
        List<String> systemTagNames = raw.get("systemTags") == null ? null
                : OptionValues.stringList(raw.get("systemTags"), "systemTags");
        if (systemTagNames != null) {
            for (String name : systemTagNames) {
                if (!SystemTags.ALL.contains(name)) {
                    throw K6jException.invalidConfig("systemTags: unknown system tag '" + name + "'; known tags are "
                            + String.join(", ", new java.util.TreeSet<>(SystemTags.ALL)));
                }
            }
        }
        OptionValues.nonNegative(raw.get("vus"), "vus", 1);
        List<String> trendStats = raw.get("summaryTrendStats") == null ? DEFAULT_TREND_STATS
                : OptionValues.stringList(raw.get("summaryTrendStats"), "summaryTrendStats");
        return new TestOptions(
                raw,
                ScenarioPlanner.plan(raw),
                OptionValues.object(raw.get("thresholds"), "thresholds"),
                OptionValues.stringMap(raw.get("tags"), "tags"),
                trendStats,
                OptionValues.string(raw.get("summaryTimeUnit"), "summaryTimeUnit", null),
                OptionValues.duration(raw.get("setupTimeout"), "setupTimeout", Duration.ofSeconds(60)),
                OptionValues.duration(raw.get("teardownTimeout"), "teardownTimeout", Duration.ofSeconds(60)),
                OptionValues.duration(raw.get("handleSummaryTimeout"), "handleSummaryTimeout", Duration.ofMinutes(2)),
                OptionValues.bool(raw.get("noSetup"), "noSetup", false),
                OptionValues.bool(raw.get("noTeardown"), "noTeardown", false),
                OptionValues.bool(raw.get("noThresholds"), "noThresholds", false),
                OptionValues.bool(raw.get("noSummary"), "noSummary", false),
                systemTagNames == null ? SystemTags.DEFAULT : SystemTags.of(systemTagNames),
                OptionValues.duration(raw.get("minIterationDuration"), "minIterationDuration", Duration.ZERO),
                executionTuple(raw),
                OptionValues.bool(raw.get("paused"), "paused", false));
    }

    private static ExecutionTuple executionTuple(Map<String, Object> raw) {
        String segment = OptionValues.string(raw.get("executionSegment"), "executionSegment", null);
        String sequence = OptionValues.string(raw.get("executionSegmentSequence"), "executionSegmentSequence", null);
        try {
            return ExecutionTuple.of(segment == null ? null : ExecutionSegment.parse(segment),
                    sequence == null ? null : ExecutionSegmentSequence.parse(sequence));
        } catch (K6jException e) {
            throw K6jException.invalidConfig("invalid execution segment" + (sequence == null ? "" : " or sequence")
                    + ": " + e.getMessage());
        }
    }
}
