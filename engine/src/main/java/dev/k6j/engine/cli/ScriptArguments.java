package dev.k6j.engine.cli;

import dev.k6j.engine.archive.Archive;
import dev.k6j.engine.archive.ArchiveReader;
import dev.k6j.engine.config.Stages;
import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.loader.RemoteModules;
import dev.k6j.engine.loader.ScriptSources;
import dev.k6j.engine.loader.ScriptUrls;
import dev.k6j.engine.run.OptionsInspector;
import dev.k6j.engine.vu.ConsoleLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The flags that shape a test (shared by {@code run} and {@code inspect}), turned into k6 options.
 */
public final class ScriptArguments {

    /** The names k6 allows for {@code -e} variables. */
    private static final Pattern ENV_NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");

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

    @Option(names = "--no-summary", description = "Print no end-of-test summary (k6: --summary-mode=disabled).")
    boolean noSummary;

    @Option(names = "--summary-mode", paramLabel = "MODE",
            description = "compact (default), full, legacy or disabled (also K6_SUMMARY_MODE); k6j prints k6's "
                    + "legacy layout for the first three.")
    String summaryMode;

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

    @Option(names = "--include-system-env-vars", negatable = true, fallbackValue = "true",
            description = "Pass the system's environment variables to __ENV (run: default true; archive, inspect: "
                    + "false, as in k6).")
    Boolean includeSystemEnv;

    @Option(names = "--compatibility-mode", paramLabel = "MODE",
            description = "JavaScript compatibility mode: extended (default; global is globalThis) or base "
                    + "(also K6_COMPATIBILITY_MODE). TypeScript (.ts) runs in both, as in k6.")
    String compatibilityMode;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE",
            description = "Override the test type: js or archive (default: told from the file's content, as k6).")
    String type;

    /** The archive the test came from, once {@link #loadScript} read one. */
    private Archive archive;

    /**
     * The test: a script file, an archive (told by its content, or {@code --type}), {@code -} for standard input,
     * or an {@code https://} URL as k6 allows.
     */
    Script loadScript(Path workingDirectory, ConsoleLog console) {
        ScriptSources sources = ScriptSources.local(new RemoteModules(System.getenv(),
                warning -> console.log("warn", 0, warning)));
        if (deprecatedCompatibilityMode()) {
            console.log("warn", 0, "ComaptibilityMode \"experimental_enhanced\" is deprecated. Types are stripped by "
                    + "default for `.ts` files. Please move to using \"base\" instead as \"experimental_enhanced\" "
                    + "will be removed in the future");
        }
        if (type != null && !type.equals("js") && !type.equals("archive")) {
            throw K6jException.badCommandLine("unknown or unspecified test type '" + type + "' for '" + script + "'");
        }
        Script loaded;
        if ("-".equals(script)) {
            byte[] stdin = readStdin();
            loaded = isArchive(stdin) ? fromArchive(stdin, "-")
                    : Script.fromStream(new ByteArrayInputStream(stdin), workingDirectory, sources);
        } else if (script.startsWith("file://")) {
            loaded = fromFile(Path.of(URI.create(script)), sources);
        } else if (script.contains("://")) {
            loaded = Script.fromUrl(ScriptUrls.remoteScript(script), workingDirectory, sources);
        } else {
            loaded = fromFile(workingDirectory.resolve(script), sources);
        }
        return loaded.withCompatibilityMode(compatibilityMode());
    }

    private Script fromFile(Path file, ScriptSources sources) {
        if (!"js".equals(type) && Files.isRegularFile(file)) {
            byte[] head = head(file);
            if ("archive".equals(type) || Archive.looksLikeArchive(head)) {
                try {
                    return fromArchive(Files.readAllBytes(file), file.toString());
                } catch (IOException e) {
                    throw new K6jException(ExitCode.SCRIPT_EXCEPTION, "cannot read '" + file + "': " + e.getMessage());
                }
            }
        }
        return Script.fromFile(file, sources);
    }

    private boolean isArchive(byte[] content) {
        return "archive".equals(type) || !"js".equals(type) && Archive.looksLikeArchive(content);
    }

    private Script fromArchive(byte[] tar, String name) {
        try {
            archive = ArchiveReader.read(tar);
        } catch (IOException e) {
            throw new K6jException(ExitCode.SCRIPT_EXCEPTION,
                    "could not load test archive bundle '" + name + "': " + e.getMessage());
        }
        if (!archive.type().equals("js")) {
            throw new K6jException(ExitCode.SCRIPT_EXCEPTION,
                    "archive '" + name + "' has an unsupported test type '" + archive.type() + "'");
        }
        return archive.script();
    }

    /** The flag, else K6_COMPATIBILITY_MODE, else the archive's, else extended; checked as k6 checks it. */
    String compatibilityMode() {
        String mode = compatibilityMode != null ? compatibilityMode : System.getenv("K6_COMPATIBILITY_MODE");
        if (mode == null || mode.isEmpty()) {
            mode = archive != null ? archive.compatibilityMode() : Script.EXTENDED;
        }
        if (!List.of("extended", "base", "experimental_enhanced").contains(mode)) {
            throw K6jException.badCommandLine("invalid compatibility mode \"" + mode
                    + "\". Use: \"extended\", \"base\", \"experimental_enhanced\"");
        }
        return mode.equals("experimental_enhanced") ? "base" : mode;
    }

    /** Whether the deprecated experimental_enhanced mode was asked for (k6 warns about it). */
    boolean deprecatedCompatibilityMode() {
        String mode = compatibilityMode != null ? compatibilityMode : System.getenv("K6_COMPATIBILITY_MODE");
        return "experimental_enhanced".equals(mode);
    }

    /** The archive the test came from, or {@code null} for a script. */
    Archive archive() {
        return archive;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(512);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static byte[] readStdin() {
        try {
            return System.in.readAllBytes();
        } catch (IOException e) {
            throw new K6jException(ExitCode.SCRIPT_EXCEPTION,
                    "cannot read the script from standard input: " + e.getMessage());
        }
    }

    /** A test loaded and its init code run once, for {@code inspect} and {@code archive}. */
    record InspectedTest(Script script, Map<String, String> environment, OptionsInspector.Inspection inspection) {
    }

    /**
     * Loads the test and runs its init code once on one VU, which also reads every module and file it needs into
     * the script's sources; the system environment is left out of {@code __ENV} unless asked for, as k6 does for
     * {@code inspect} and {@code archive}.
     */
    InspectedTest inspect(Path workingDirectory, ConsoleLog console, ExtensionOptions extensionOptions) {
        Script loaded = loadScript(workingDirectory, console);
        Map<String, String> environment = environment(false);
        try (ExtensionRegistry extensions = extensionOptions.discover(loaded, List.of(), workingDirectory, console)) {
            return new InspectedTest(loaded, environment, OptionsInspector.inspect(loaded, options(), config,
                    environment, System.getenv(), extensions, console));
        }
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
        if (noSummary || "disabled".equals(summaryMode())) {
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

    /** The {@code --summary-mode} (or {@code K6_SUMMARY_MODE}), checked as k6 checks it; null when not given. */
    String summaryMode() {
        String mode = summaryMode != null ? summaryMode : System.getenv("K6_SUMMARY_MODE");
        if (mode == null || mode.isEmpty()) {
            return null;
        }
        if (!List.of("compact", "full", "legacy", "disabled").contains(mode)) {
            throw K6jException.badCommandLine("invalid summary mode '" + mode
                    + "': use compact, full, legacy or disabled");
        }
        return mode;
    }

    /** What k6j says when asked for a summary layout it doesn't draw (k6 v1's compact and full). */
    java.util.Optional<String> summaryModeWarning() {
        String mode = summaryMode();
        if ("compact".equals(mode) || "full".equals(mode)) {
            return java.util.Optional.of("--summary-mode=" + mode + ": k6j prints k6's legacy summary layout; "
                    + "the compact and full layouts of k6 v1 are not there yet");
        }
        return java.util.Optional.empty();
    }

    /**
     * {@code __ENV}: an archive's environment, then the system's (unless turned off; on by default only where
     * {@code includeSystemByDefault}, as k6 has it on for run and off for archive and inspect), then {@code -e}.
     */
    Map<String, String> environment(boolean includeSystemByDefault) {
        Map<String, String> result = new LinkedHashMap<>();
        if (archive != null) {
            result.putAll(archive.env());
        }
        if (includeSystemEnv != null ? includeSystemEnv : includeSystemByDefault) {
            result.putAll(System.getenv());
        }
        Map<String, String> given = pairs(env, "--env");
        for (String name : given.keySet()) {
            if (!ENV_NAME.matcher(name).matches()) {
                throw K6jException.badCommandLine("invalid environment variable name '" + name + "'");
            }
        }
        result.putAll(given);
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
