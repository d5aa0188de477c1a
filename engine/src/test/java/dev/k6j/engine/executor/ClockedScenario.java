package dev.k6j.engine.executor;

import static org.assertj.core.api.Assertions.fail;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.JsRuntime;
import dev.k6j.engine.js.ModuleRegistry;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.metrics.MetricRegistryImpl;
import dev.k6j.engine.scenario.ScenarioPlanner;
import dev.k6j.engine.scenario.ScenarioScheduler;
import dev.k6j.engine.segment.ExecutionTuple;
import dev.k6j.engine.vu.ConsoleLog;
import dev.k6j.engine.vu.IterationRunner;
import dev.k6j.engine.vu.SystemTags;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.engine.vu.VuEnvironment;
import dev.k6j.spi.Exports;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.ModuleInstance;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.Vu;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One scenario run by its real executor, scheduler and VUs (a JavaScript context each) on a {@link ManualClock}: the
 * script's iterations take clock time through {@code sleep} of {@code k6/x/clock}, so nothing waits for the wall
 * clock and every moment of the schedule can be checked exactly.
 *
 * <p>The test walks the clock moment by moment ({@link #advance()}): at each one, {@link #settle} waits until the
 * state the test expects for that moment holds and every thread of the scenario waits (on the clock, or for work),
 * so that nothing can still change before time moves on.
 */
final class ClockedScenario implements AutoCloseable {

    /** How long a moment may take to settle before the test fails: generous, for a loaded machine. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);

    private final ManualClock clock = new ManualClock();
    private final ExtensionRegistry extensions;
    private final ScheduledExecutorService timers = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("k6j-clocked-timers").factory());
    private final TestRunState testRun = new TestRunState(Map.of());
    private final List<VirtualUser> vus = new ArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicLong iterationsBegun = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final ScenarioScheduler scheduler;
    private Thread main;

    /**
     * @param runtime the JavaScript engine (one for many scenarios: its code cache makes VUs quicker to start)
     * @param script  the script: its {@code default} function runs each iteration
     * @param options the test's options, with one scenario
     * @param vus     how many VUs to initialize
     */
    ClockedScenario(JsRuntime runtime, String script, Map<String, Object> options, int vus) {
        extensions = ExtensionRegistry.of(List.of(new ClockModule()), List.of());
        MetricRegistryImpl metrics = new MetricRegistryImpl();
        Metric droppedIterations = metrics.register("dropped_iterations", MetricType.COUNTER);
        Source source = Source.newBuilder("js", script, "clocked.js").mimeType("application/javascript+module")
                .buildLiteral();
        ConsoleLog console = new ConsoleLog(new PrintStream(OutputStream.nullOutputStream()), true, false);
        VuEnvironment env = new VuEnvironment(runtime, new Script(source, null, Path.of("").toAbsolutePath()),
                new ModuleRegistry(extensions.jsModules()), metrics, samples -> { }, testRun, Map.of(),
                TagSet.EMPTY, SystemTags.DEFAULT, console, timers);
        for (int id = 1; id <= vus; id++) {
            VirtualUser vu = new VirtualUser(env, id);
            vu.init();
            this.vus.add(vu);
        }
        ThreadFactory vuThreads = task -> {
            Thread thread = Thread.ofPlatform().daemon().name("k6j-clocked-vu").unstarted(task);
            threads.add(thread);
            return thread;
        };
        RunContext context = new RunContext(VuPool.of(this.vus), new IterationRunner(metrics, Duration.ZERO),
                testRun, null, vuThreads, samples -> countDropped(samples, droppedIterations), droppedIterations,
                TagSet.EMPTY, SystemTags.DEFAULT, Map.of(), console, clock);
        List<ScenarioRun> runs = ScenarioPlanner.plan(options).stream()
                .map(config -> Executors.create(config, ExecutionTuple.of(null, null)))
                .map(executor -> new ScenarioRun(executor, context))
                .toList();
        scheduler = new ScenarioScheduler(runs, testRun, clock);
    }

    /** Starts the scenarios, as a run does after setup(). */
    void start() {
        main = Thread.ofPlatform().daemon().name("k6j-clocked-main").start(() -> {
            try {
                scheduler.runAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        threads.add(main);
    }

    /** Milliseconds of the clock since the start. */
    long millis() {
        return clock.millis();
    }

    /** Nanoseconds of the clock since the start. */
    long nanos() {
        return clock.nanoTime() - ManualClock.ORIGIN;
    }

    long vusActive() {
        return testRun.vusActive();
    }

    /** Iterations that reached their {@code sleep} (each calls it once, first thing). */
    long iterationsBegun() {
        return iterationsBegun.get();
    }

    long dropped() {
        return dropped.get();
    }

    /**
     * Waits until {@code expected} holds and every thread of the scenario waits, with no sleeper left to wake at this
     * moment; fails with {@code state} when that does not happen.
     */
    void settle(BooleanSupplier expected, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        int quietChecks = 0;
        while (quietChecks < 3) {
            if (System.nanoTime() > deadline) {
                fail("at %dms of the clock: %s", millis(), state.get());
            }
            boolean quiet = expected.getAsBoolean() && !clock.sleeperDue() && threads.stream().allMatch(
                    thread -> switch (thread.getState()) {
                        case WAITING, TIMED_WAITING, TERMINATED -> true;
                        default -> false;
                    });
            quietChecks = quiet ? quietChecks + 1 : 0;
            Thread.sleep(1);
        }
    }

    /** Moves the clock to the next moment a thread waits for; false when the scenarios are over. */
    boolean advance() throws InterruptedException {
        while (main.isAlive()) {
            if (clock.advanceToNextDeadline()) {
                return true;
            }
            // Nobody sleeps on the clock: the scenario is ending (joining its threads).
            main.join(10);
        }
        return false;
    }

    private void countDropped(List<Sample> samples, Metric droppedIterations) {
        samples.stream().filter(sample -> sample.metric() == droppedIterations)
                .forEach(sample -> dropped.addAndGet((long) sample.value()));
    }

    @Override
    public void close() throws InterruptedException {
        if (main != null) {
            testRun.stop(new TestRunState.StopReason(ExitCode.GENERIC_ENGINE, "test over"));
            main.join(SETTLE_TIMEOUT);
        }
        vus.forEach(VirtualUser::close);
        timers.shutdownNow();
        extensions.close();
    }

    /** {@code k6/x/clock}: {@code sleep(seconds)} on the scenario's clock. */
    private final class ClockModule implements JsModule {
        @Override
        public String name() {
            return "k6/x/clock";
        }

        @Override
        public ModuleInstance newInstance(Vu vu) {
            ProxyExecutable sleep = arguments -> {
                iterationsBegun.incrementAndGet();
                sleepFor(arguments[0]);
                return null;
            };
            return () -> Exports.of(Map.of("sleep", sleep));
        }

        private void sleepFor(Value seconds) {
            try {
                clock.sleep((long) (seconds.asDouble() * 1e9));
            } catch (InterruptedException e) {
                // The VU is being stopped: its context's interrupt ends the iteration.
                Thread.currentThread().interrupt();
            }
        }
    }
}
