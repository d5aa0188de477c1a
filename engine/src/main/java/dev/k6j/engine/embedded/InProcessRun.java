package dev.k6j.engine.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.run.RunOutcome;
import dev.k6j.engine.run.RunRequest;
import dev.k6j.engine.run.TestRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One k6 test run in this JVM, set up like {@code k6 run} and returning a {@link TestResult} instead of an exit code.
 * A builder: set what differs from the defaults, then call {@link #run()} once.
 *
 * <pre>{@code
 * TestResult result = InProcessRun.of(Path.of("src/test/k6/smoke.js"))
 *         .env("BASE_URL", baseUrl)                      // -e BASE_URL=…
 *         .option("vus", 5).option("duration", "10s")    // --vus 5 --duration 10s
 *         .output("json=target/k6j/smoke.json")          // --out json=…
 *         .run();
 * }</pre>
 *
 * <p>Defaults, and where they differ from {@code k6 run}: options as {@code k6 run} consolidates them (config file,
 * script, {@code K6_*} environment variables, then these overrides); {@code __ENV} is the process environment plus
 * {@link #env}; relative paths resolve against the current directory; the text summary goes to {@code System.out}
 * and logs to {@code System.err}; <b>no banner and no progress</b> ({@link #quiet(boolean)}), no colours, and <b>no
 * REST API</b> ({@link #restApi(String)}), so runs never compete for a port. Extensions (JS modules, outputs) are
 * found with {@link java.util.ServiceLoader} through the engine's class loader, so every extension jar on the class
 * path is there, as in a bundle.
 *
 * <p>Not thread-safe; {@link #run()} blocks its caller until the test ends. Several runs, one after the other or at
 * once on different threads, are independent.
 */
public final class InProcessRun {

    /** Option values: JSON when the whole text is JSON ("1m" is not 1 followed by junk). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path script;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Object> options = new LinkedHashMap<>();
    private final List<String> outputs = new ArrayList<>();
    private boolean includeSystemEnv = true;
    private Map<String, String> systemEnvironment = System.getenv();
    private Path configFile;
    private Path summaryExport;
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private PrintStream stdout = System.out;
    private PrintStream stderr = System.err;
    private boolean quiet = true;
    private boolean verbose;
    private String restApiAddress;
    private ClassLoader extensions = InProcessRun.class.getClassLoader();

    private InProcessRun(Path script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    /** A run of {@code script} (relative to the working directory). */
    public static InProcessRun of(Path script) {
        return new InProcessRun(script);
    }

    /** Adds a variable to {@code __ENV}, as {@code -e NAME=VALUE}. */
    public InProcessRun env(String name, String value) {
        env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Adds {@code NAME=VALUE} pairs to {@code __ENV}, as repeated {@code -e}.
     *
     * @throws IllegalArgumentException for an item without {@code =}
     */
    public InProcessRun env(Collection<String> assignments) {
        assignments.forEach(item -> {
            int eq = equalsSign(item, "env", "NAME=VALUE");
            env(item.substring(0, eq), item.substring(eq + 1));
        });
        return this;
    }

    /** Whether {@code __ENV} also holds the process environment (default true, as {@code --include-system-env-vars}). */
    public InProcessRun includeSystemEnv(boolean include) {
        this.includeSystemEnv = include;
        return this;
    }

    /**
     * The environment {@code K6_*} options and output settings are read from, instead of the process's (for
     * reproducible runs, or to set {@code K6_*} variables for this run only).
     */
    public InProcessRun systemEnvironment(Map<String, String> environment) {
        this.systemEnvironment = Map.copyOf(environment);
        return this;
    }

    /**
     * Overrides a k6 option, as a CLI flag does (highest precedence): {@code option("vus", 10)},
     * {@code option("duration", "30s")}, {@code option("thresholds", Map.of("http_req_failed", List.of("rate<0.01")))}.
     * Values are what the script's {@code options} would hold: numbers, strings, booleans, lists and maps.
     */
    public InProcessRun option(String name, Object value) {
        options.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    /**
     * Overrides options written as {@code name=value} text, where the value is JSON when it reads as JSON
     * ({@code vus=10}, {@code noConnectionReuse=true}, {@code stages=[{"duration":"5s","target":3}]}) and a string
     * otherwise ({@code duration=30s}); for annotations and build files.
     *
     * @throws IllegalArgumentException for an item without {@code =}
     */
    public InProcessRun options(Collection<String> assignments) {
        assignments.forEach(item -> {
            int eq = equalsSign(item, "option", "name=value");
            option(item.substring(0, eq).trim(), optionValue(item.substring(eq + 1).trim()));
        });
        return this;
    }

    /** A JSON config file, as {@code --config} (lowest precedence). */
    public InProcessRun configFile(Path file) {
        this.configFile = file;
        return this;
    }

    /** Sends the samples to an output as well, as {@code --out json=results.json}. */
    public InProcessRun output(String output) {
        outputs.add(Objects.requireNonNull(output, "output"));
        return this;
    }

    /** Writes k6's summary export file, as {@code --summary-export}. */
    public InProcessRun summaryExport(Path file) {
        this.summaryExport = file;
        return this;
    }

    /** Where the script and relative output paths resolve (default: the current directory). */
    public InProcessRun workingDirectory(Path directory) {
        this.workingDirectory = directory.toAbsolutePath();
        return this;
    }

    /** Where the banner and the text summary go (default {@code System.out}). */
    public InProcessRun stdout(PrintStream out) {
        this.stdout = Objects.requireNonNull(out, "out");
        return this;
    }

    /** Where logs ({@code console.log}, warnings, errors) and the progress go (default {@code System.err}). */
    public InProcessRun stderr(PrintStream err) {
        this.stderr = Objects.requireNonNull(err, "err");
        return this;
    }

    /** Whether to leave out the banner and the progress (default true; false prints them, as {@code k6 run}). */
    public InProcessRun quiet(boolean quiet) {
        this.quiet = quiet;
        return this;
    }

    /** Debug logs, as {@code --verbose}. */
    public InProcessRun verbose(boolean verbose) {
        this.verbose = verbose;
        return this;
    }

    /** Starts the REST API on {@code host:port}, as {@code --address}; off by default, so runs never share a port. */
    public InProcessRun restApi(String address) {
        this.restApiAddress = address;
        return this;
    }

    /** Finds extensions through this class loader instead of the engine's. */
    public InProcessRun extensionsFrom(ClassLoader loader) {
        this.extensions = Objects.requireNonNull(loader, "loader");
        return this;
    }

    /** Whether an output of that name ({@code json}, {@code web-dashboard}, …) is available to runs. */
    public boolean hasOutput(String name) {
        try (ExtensionRegistry registry = ExtensionRegistry.discover(extensions)) {
            return registry.findOutput(name).isPresent();
        }
    }

    /**
     * Runs the test to its end and returns its result. A script error, invalid options or a failed threshold are
     * results (see {@link TestResult#exitCode()}), not exceptions.
     *
     * @throws IllegalStateException if the calling thread is interrupted while the test runs (the test is stopped
     *                               and the thread's interrupt flag set again)
     */
    public TestResult run() {
        Map<String, String> scriptEnvironment = new LinkedHashMap<>();
        if (includeSystemEnv) {
            scriptEnvironment.putAll(System.getenv());
        }
        scriptEnvironment.putAll(env);
        try {
            Script loaded = Script.fromFile(workingDirectory.resolve(script));
            RunRequest request = new RunRequest(loaded, new LinkedHashMap<>(options), resolve(configFile),
                    List.copyOf(outputs), scriptEnvironment, systemEnvironment, resolve(summaryExport), quiet,
                    verbose, false, workingDirectory, stdout, stderr, false, restApiAddress, restApiAddress != null);
            try (ExtensionRegistry registry = ExtensionRegistry.discover(extensions)) {
                RunOutcome outcome = new TestRunner(request, registry).execute();
                return ResultReader.read(script, outcome);
            }
        } catch (K6jException e) {
            stderr.println("error: " + e.getMessage());
            stderr.flush();
            return ResultReader.failed(script, e.exitCode().code(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the k6 test run of " + script + " was interrupted", e);
        }
    }

    private Path resolve(Path path) {
        return path == null ? null : workingDirectory.resolve(path);
    }

    private static int equalsSign(String item, String what, String form) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("invalid " + what + " '" + item + "': write " + form);
        }
        return eq;
    }

    private static Object optionValue(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
