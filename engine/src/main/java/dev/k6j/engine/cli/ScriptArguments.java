package dev.k6j.engine.cli;

import dev.k6j.engine.config.Stages;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.loader.RemoteModules;
import dev.k6j.engine.loader.ScriptSources;
import dev.k6j.engine.loader.ScriptUrls;
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

    @Option(names = "--http-debug", arity = "0..1", fallbackValue = "headers", paramLabel = "full",
            description = "Log every HTTP request and response (with bodies when =full).")
    String httpDebug;

    @Option(names = "--insecure-skip-tls-verify", description = "Don't check the certificates of HTTPS servers.")
    boolean insecureSkipTlsVerify;

    @Option(names = "--user-agent", paramLabel = "TEXT", description = "The User-Agent header of HTTP requests.")
    String userAgent;

    @Option(names = "--batch", paramLabel = "N", description = "Requests of one http.batch() in flight (default 20).")
    Long batch;

    @Option(names = "--batch-per-host", paramLabel = "N",
            description = "Requests of one http.batch() to one host in flight (default 6).")
    Long batchPerHost;

    @Option(names = "--max-redirects", paramLabel = "N", description = "Redirects followed per request (default 10).")
    Long maxRedirects;

    @Option(names = "--no-connection-reuse", description = "Open a new connection for every HTTP request.")
    boolean noConnectionReuse;

    @Option(names = "--no-vu-connection-reuse", description = "Close a VU's connections between iterations.")
    boolean noVuConnectionReuse;

    @Option(names = "--discard-response-bodies", description = "Read and drop HTTP response bodies.")
    boolean discardResponseBodies;

    @Option(names = "--dns", paramLabel = "ttl=5m,select=random,policy=preferIPv4",
            description = "DNS: how long answers are kept, which address is used, which IP versions.")
    String dns;

    @Option(names = "--blacklist-ip", paramLabel = "CIDR", split = ",",
            description = "Refuse requests to addresses in these ranges (repeatable or comma-separated).")
    List<String> blacklistIps = new ArrayList<>();

    @Option(names = "--block-hostnames", paramLabel = "NAMES", split = ",",
            description = "Refuse requests to these host names; *.example.com blocks subdomains.")
    List<String> blockHostnames = new ArrayList<>();

    @Option(names = {"-w", "--throw"}, description = "Throw on failed HTTP requests instead of returning status 0.")
    boolean throwErrors;

    @Option(names = "--include-system-env-vars", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Pass the system's environment variables to __ENV (default true).")
    boolean includeSystemEnv;

    /** The script to run: a file, {@code -} for standard input, or an {@code https://} URL as k6 allows. */
    Script loadScript(Path workingDirectory) {
        ScriptSources sources = ScriptSources.local(new RemoteModules(System.getenv(),
                warning -> System.err.println("level=warning msg=\"" + warning.replace("\"", "\\\"") + "\"")));
        if ("-".equals(script)) {
            return Script.fromStream(System.in, workingDirectory, sources);
        }
        if (script.startsWith("file://")) {
            return Script.fromFile(Path.of(java.net.URI.create(script)), sources);
        }
        if (script.contains("://")) {
            return Script.fromUrl(ScriptUrls.remoteScript(script), workingDirectory, sources);
        }
        return Script.fromFile(workingDirectory.resolve(script), sources);
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
        put(options, "httpDebug", httpDebug);
        flag(options, "insecureSkipTLSVerify", insecureSkipTlsVerify);
        put(options, "userAgent", userAgent);
        put(options, "batch", batch);
        put(options, "batchPerHost", batchPerHost);
        put(options, "maxRedirects", maxRedirects);
        flag(options, "noConnectionReuse", noConnectionReuse);
        flag(options, "noVUConnectionReuse", noVuConnectionReuse);
        flag(options, "discardResponseBodies", discardResponseBodies);
        flag(options, "throw", throwErrors);
        put(options, "dns", dns);
        if (!blacklistIps.isEmpty()) {
            options.put("blacklistIPs", List.copyOf(blacklistIps));
        }
        if (!blockHostnames.isEmpty()) {
            options.put("blockHostnames", List.copyOf(blockHostnames));
        }
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

    private static void flag(Map<String, Object> options, String key, boolean set) {
        if (set) {
            options.put(key, true);
        }
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
