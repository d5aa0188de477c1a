package dev.k6j.engine.cli;

import dev.k6j.engine.config.Stages;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.js.Script;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The flags that shape a test (shared by {@code run} and {@code inspect}), turned into k6 options.
 */
public final class ScriptArguments {

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The test script, or - to read it from stdin.")
    String script;

    @Option(names = {"-u", "--vus"}, paramLabel = "N", description = "Number of virtual users.")
    Long vus;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", description = "Test duration, e.g. 30s, 5m.")
    String duration;

    @Option(names = {"-i", "--iterations"}, paramLabel = "N", description = "Total iterations, shared by the VUs.")
    Long iterations;

    @Option(names = {"-s", "--stage"}, paramLabel = "DURATION:TARGET",
            description = "A ramping stage, e.g. 30s:10 (repeat for more).")
    List<String> stages = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "NAME=VALUE", description = "Add a variable to __ENV.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "JSON config file (lowest precedence).")
    Path config;

    @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "A tag on every sample (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--summary-trend-stats", paramLabel = "STATS",
            description = "Trend stats in the summary, e.g. avg,min,med,max,p(90),p(95),p(99.9).")
    String summaryTrendStats;

    @Option(names = "--summary-time-unit", paramLabel = "UNIT", description = "Fixed time unit in the summary: s, ms or us.")
    String summaryTimeUnit;

    @Option(names = "--system-tags", paramLabel = "TAGS", description = "System tags to keep, comma-separated.")
    String systemTags;

    @Option(names = "--no-thresholds", description = "Don't evaluate thresholds.")
    boolean noThresholds;

    @Option(names = "--no-setup", description = "Don't run setup().")
    boolean noSetup;

    @Option(names = "--no-teardown", description = "Don't run teardown().")
    boolean noTeardown;

    @Option(names = "--no-summary", description = "Print no end-of-test summary.")
    boolean noSummary;

    @Option(names = "--min-iteration-duration", paramLabel = "DURATION",
            description = "The shortest time an iteration may take.")
    String minIterationDuration;

    @Option(names = {"-p", "--paused"}, description = "Start the test paused; resume it with k6j resume.")
    boolean paused;

    @Option(names = "--execution-segment", paramLabel = "SEGMENT",
            description = "The part of the test this instance runs, e.g. 1/3:2/3 (with --execution-segment-sequence).")
    String executionSegment;

    @Option(names = "--execution-segment-sequence", paramLabel = "SEQUENCE",
            description = "How the test is split across instances, e.g. 0,1/3,2/3,1.")
    String executionSegmentSequence;

    @Option(names = "--include-system-env-vars", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Pass the system's environment variables to __ENV (default true).")
    boolean includeSystemEnv;

    /** The script to run. */
    Script loadScript(Path workingDirectory) {
        if ("-".equals(script)) {
            return Script.fromStream(System.in, workingDirectory);
        }
        return Script.fromFile(workingDirectory.resolve(script));
    }

    /** The options these flags set, keyed by k6 option name (only those given). */
    Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        put(options, "vus", vus);
        put(options, "duration", duration);
        put(options, "iterations", iterations);
        if (!stages.isEmpty()) {
            options.put("stages", Stages.parseList(stages, "--stage"));
        }
        if (!tags.isEmpty()) {
            options.put("tags", pairs(tags, "--tag"));
        }
        if (summaryTrendStats != null) {
            options.put("summaryTrendStats", List.of(summaryTrendStats.split("\\s*,\\s*")));
        }
        put(options, "summaryTimeUnit", summaryTimeUnit);
        if (systemTags != null) {
            options.put("systemTags", List.of(systemTags.split("\\s*,\\s*")));
        }
        if (noThresholds) {
            options.put("noThresholds", true);
        }
        if (noSetup) {
            options.put("noSetup", true);
        }
        if (noTeardown) {
            options.put("noTeardown", true);
        }
        if (noSummary) {
            options.put("noSummary", true);
        }
        put(options, "minIterationDuration", minIterationDuration);
        if (paused) {
            options.put("paused", true);
        }
        put(options, "executionSegment", executionSegment);
        put(options, "executionSegmentSequence", executionSegmentSequence);
        return options;
    }

    /** {@code __ENV}: the system environment (unless turned off) plus {@code -e} values. */
    Map<String, String> environment() {
        Map<String, String> result = new LinkedHashMap<>();
        if (includeSystemEnv) {
            result.putAll(System.getenv());
        }
        result.putAll(pairs(env, "--env"));
        return result;
    }

    private static void put(Map<String, Object> options, String key, Object value) {
        if (value != null) {
            options.put(key, value);
        }
    }

    private static Map<String, String> pairs(List<String> items, String flag) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw K6jException.invalidConfig("invalid " + flag + " '" + item + "': write NAME=VALUE");
            }
            result.put(item.substring(0, eq), item.substring(eq + 1));
        }
        return result;
    }
}
