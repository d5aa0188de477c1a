package dev.k6j.testkit;

import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.extension.CompoundExtensionFinder;
import dev.k6j.engine.extension.ExtensionFinder;
import dev.k6j.engine.extension.ExtensionOrigin;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.extension.Found;
import dev.k6j.engine.extension.FoundExtensions;
import dev.k6j.engine.extension.ServiceLoaderFinder;
import dev.k6j.engine.js.JsRuntime;
import dev.k6j.engine.js.ModuleRegistry;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.metrics.MetricRegistryImpl;
import dev.k6j.engine.vu.ConsoleLog;
import dev.k6j.engine.vu.IterationRunner;
import dev.k6j.engine.vu.SystemTags;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.engine.vu.VuEnvironment;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.graalvm.polyglot.Source;

/**
 * Runs k6 scripts against JS modules in this JVM, with one embedded virtual user: the engine's real VU, event
 * loop, metrics and built-in modules ({@code k6}, {@code k6/metrics}, …), but no executors, outputs, thresholds
 * or summary. What Netty's {@code EmbeddedChannel} is to a handler, this is to a {@link JsModule}.
 *
 * <pre>{@code
 * try (ModuleTestKit kit = ModuleTestKit.of(new GreetingModule())) {
 *     ScriptRun run = kit.run("""
 *             import { greet } from 'k6/x/greeting';
 *             export default function () { console.log(greet('k6j')); }
 *             """);
 *     assertThat(run.errors()).isEmpty();
 *     assertThat(run.console()).contains("INFO hello k6j");
 * }
 * }</pre>
 *
 * <p>Each {@link #run} makes a fresh VU (id 1): its init code runs, then the default function, once per
 * iteration, on the calling thread, each iteration waiting for its promise and callbacks as in a real test. Not
 * for concurrent use: one run at a time.
 */
public final class ModuleTestKit implements AutoCloseable {

    private final ExtensionRegistry extensions;
    private final JsRuntime runtime = new JsRuntime();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("k6j-testkit-timers").factory());
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path workingDirectory = Path.of("").toAbsolutePath();

    private ModuleTestKit(ExtensionRegistry extensions) {
        this.extensions = extensions;
    }

    /** The engine's built-in modules plus {@code modules}, as they are (no services file needed). */
    public static ModuleTestKit of(JsModule... modules) {
        ClassLoader loader = ModuleTestKit.class.getClassLoader();
        ExtensionFinder builtIns = new ExtensionFinder() {
            @Override
            public FoundExtensions find() {
                FoundExtensions all = new ServiceLoaderFinder(loader).find();
                return new FoundExtensions(
                        all.modules().stream().filter(f -> f.origin().kind() == ExtensionOrigin.Kind.BUILT_IN).toList(),
                        List.of());
            }
        };
        ExtensionFinder given = () -> new FoundExtensions(
                List.of(modules).stream().map(m -> new Found<>(m, new ExtensionOrigin(
                        ExtensionOrigin.Kind.CLASS_PATH, "test kit", null, null))).toList(), List.of());
        return new ModuleTestKit(ExtensionRegistry.discover(new CompoundExtensionFinder(builtIns, given)));
    }

    /**
     * Every module the class path provides through {@code META-INF/services/dev.k6j.spi.JsModule}, as a bundle
     * would find them: this also tests that the module is registered.
     */
    public static ModuleTestKit fromClassPath() {
        return new ModuleTestKit(ExtensionRegistry.discover(ModuleTestKit.class.getClassLoader()));
    }

    /** Adds a variable to the script's {@code __ENV}. */
    public ModuleTestKit env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Where {@code open()} and relative imports resolve (default: the current folder). */
    public ModuleTestKit workingDirectory(Path directory) {
        this.workingDirectory = directory.toAbsolutePath();
        return this;
    }

    /** Runs the script's init code and its default function once. */
    public ScriptRun run(String script) {
        return run(script, 1);
    }

    /**
     * Runs the script's init code, then its default function {@code iterations} times on one VU.
     *
     * @throws ScriptException if the init code fails (a syntax error, a missing module, an exception)
     */
    public ScriptRun run(String script, int iterations) {
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
        PrintStream consoleOut = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);
        MetricRegistryImpl metrics = new MetricRegistryImpl();
        TestRunState testRun = new TestRunState(Map.of());
        Source source = Source.newBuilder("js", script, "test.js").mimeType("application/javascript+module")
                .buildLiteral();
        VuEnvironment env = new VuEnvironment(runtime, new Script(source, null, workingDirectory),
                new ModuleRegistry(extensions.jsModules()), metrics, samples::addAll, testRun, Map.copyOf(environment),
                TagSet.of(Map.of()), SystemTags.DEFAULT, new ConsoleLog(consoleOut, true, false), timers);
        List<String> outcomes = new ArrayList<>();
        try (VirtualUser vu = new VirtualUser(env, 1)) {
            try {
                vu.init();
            } catch (RuntimeException e) {
                throw new ScriptException(e.getMessage(), e);
            }
            IterationRunner runner = new IterationRunner(metrics, Duration.ZERO);
            for (int i = 0; i < iterations; i++) {
                outcomes.add(runner.run(vu, "default", null).name());
            }
        }
        return new ScriptRun(ScriptRun.lines(consoleBytes.toString(StandardCharsets.UTF_8)), List.copyOf(samples),
                outcomes);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        runtime.close();
        extensions.close();
    }
}
