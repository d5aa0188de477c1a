package dev.k6j.engine.run;

import dev.k6j.engine.config.ConfigFile;
import dev.k6j.engine.config.TestOptions;
import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.executor.Executor;
import dev.k6j.engine.executor.Executors;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.JsRuntime;
import dev.k6j.engine.js.ModuleRegistry;
import dev.k6j.engine.metrics.BuiltinMetrics;
import dev.k6j.engine.metrics.MetricRegistryImpl;
import dev.k6j.engine.metrics.MetricsEngine;
import dev.k6j.engine.metrics.ThresholdParser;
import dev.k6j.engine.metrics.ThresholdResults;
import dev.k6j.engine.metrics.Thresholds;
import dev.k6j.engine.output.OutputContext;
import dev.k6j.engine.output.OutputManager;
import dev.k6j.engine.vu.ConsoleLog;
import dev.k6j.engine.vu.ConsoleLogger;
import dev.k6j.engine.vu.IterationRunner;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.engine.vu.VuEnvironment;
import dev.k6j.spi.RunStatus;
import dev.k6j.spi.TagSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs one test from start to end: init, options, outputs, VUs, setup, scenarios, teardown, thresholds, summary,
 * and decides the exit code. Data flows one way: script → VUs → samples → metrics engine → sinks and outputs →
 * summary.
 */
public final class TestRunner {

    private final RunRequest request;
    private final ExtensionRegistry extensions;
    /** Files read by open() and require(): read once per run, whichever VU reads them first. */
    private final ConcurrentHashMap<String, byte[]> files = new ConcurrentHashMap<>();
    private volatile TestRunState activeRun;
    /** A stop asked for before the run object existed (Ctrl-C during start-up). */
    private volatile TestRunState.StopReason interruption;

    public TestRunner(RunRequest request, ExtensionRegistry extensions) {
        this.request = request;
        this.extensions = extensions;
    }

    /** Stops a running test as Ctrl-C does: summary, outputs flushed, exit code 105. Any thread. */
    public void interrupt(String why) {
        interruption = new TestRunState.StopReason(ExitCode.EXTERNAL_ABORT, why);
        TestRunState run = activeRun;
        if (run != null) {
            run.stop(interruption);
        }
    }

    /** Runs the test and returns the exit code. User mistakes are thrown as {@link K6jException}. */
    public ExitCode run() throws InterruptedException {
        // A missing output is known before the script's init code runs, as a missing module is during it.
        OutputManager.requireKnown(request.outputs(), extensions);
        MetricRegistryImpl registry = new MetricRegistryImpl();
        BuiltinMetrics builtin = new BuiltinMetrics(registry);
        ConsoleLog console = new ConsoleLog(request.stderr(), request.verbose(), request.color());
        ScheduledExecutorService timers = java.util.concurrent.Executors.newScheduledThreadPool(1,
                Thread.ofPlatform().daemon().name("k6j-timers").factory());
        try (JsRuntime runtime = new JsRuntime();
             MetricsEngine metrics = new MetricsEngine(registry, 4096)) {
            // The options VU (id 0) reads the script's options and later runs setup, teardown and handleSummary.
            TestRunState bootstrap = new TestRunState(Map.of());
            VuEnvironment bootstrapEnv = environment(runtime, registry, metrics, bootstrap, Map.of(),
                    dev.k6j.engine.vu.SystemTags.DEFAULT, console, timers);
            VirtualUser serviceVu = new VuFactory(bootstrapEnv, bootstrap).create(0);
            Map<String, Object> raw = ScriptOptions.consolidate(request.configFile(),
                    ScriptOptions.exported(serviceVu), request.systemEnvironment(), request.cliOptions());
            TestOptions options = TestOptions.from(raw);
            List<Executor> executors = options.scenarios().stream().map(Executors::create).toList();
            requireExecFunctions(serviceVu, executors);

            Thresholds thresholds = options.noThresholds() ? Thresholds.none()
                    : ThresholdParser.parse(options.thresholds());
            thresholds.validate(registry);
            metrics.setThresholds(thresholds);

            TestRunState testRun = new TestRunState(raw);
            activeRun = testRun;
            if (interruption != null) {
                testRun.stop(interruption);
            }
            VuEnvironment env = environment(runtime, registry, metrics, testRun, options.tags(), options.systemTags(),
                    console, timers);
            OutputManager outputs = OutputManager.create(request.outputs(), extensions, new OutputContext(
                    request.configFile() == null ? Map.of() : ConfigFile.read(request.configFile()),
                    request.systemEnvironment(), raw, request.workingDirectory(), request.stdout(), request.stderr(),
                    name -> new ConsoleLogger(name, console, 0)));
            outputs.setThresholds(thresholds.sources());
            outputs.setTestRunStopCallback(cause -> testRun.stop(new TestRunState.StopReason(
                    ExitCode.GENERIC_ENGINE, "an output stopped the test: " + cause.getMessage())));
            metrics.addListener(outputs::addMetricSamples);

            int maxVus = executors.stream().mapToInt(Executor::maxVus).sum();
            RunBanner.print(request, runtime, options, executors, outputs.descriptions(), maxVus);
            outputs.start();
            metrics.start();
            RunStatus status = RunStatus.FINISHED;
            try {
                List<VirtualUser> vus = new VuFactory(env, testRun).createAll(maxVus);
                serviceVu.close();
                serviceVu = new VuFactory(env, testRun).create(0);
                String setupData = Lifecycle.setup(serviceVu, options, testRun);
                IterationRunner iterations = new IterationRunner(registry, options.minIterationDuration());
                try (RunTicker ticker = RunTicker.start(request, metrics, thresholds, testRun, builtin,
                        TagSet.of(options.tags()), executors,
                        maxVus, options.noThresholds())) {
                    new ScenarioScheduler(executors, vus, iterations, testRun, setupData).runAll();
                    ticker.finalProgress();
                }
                Lifecycle.teardown(serviceVu, options, testRun, setupData);
                vus.forEach(VirtualUser::close);
                metrics.flush();
                ThresholdResults results = thresholds.evaluateFinal(metrics.snapshot(), testRun.elapsed());
                boolean summaryTimedOut = !EndOfTest.report(request, serviceVu, options, metrics.snapshot(), results,
                        testRun.elapsed());
                ExitCode exit = exitCode(testRun, results, options, console);
                if (exit == ExitCode.SUCCESS && summaryTimedOut) {
                    exit = ExitCode.GENERIC_TIMEOUT;
                }
                status = statusOf(testRun, exit);
                return exit;
            } catch (K6jException e) {
                status = e.exitCode() == ExitCode.SCRIPT_EXCEPTION ? RunStatus.ABORTED_SCRIPT_ERROR : RunStatus.ABORTED_SYSTEM;
                throw e;
            } finally {
                serviceVu.close();
                metrics.close();
                outputs.stop(status);
            }
        } finally {
            timers.shutdownNow();
        }
    }

    private VuEnvironment environment(JsRuntime runtime, MetricRegistryImpl registry, MetricsEngine metrics,
                                      TestRunState testRun, Map<String, String> tags,
                                      dev.k6j.engine.vu.SystemTags systemTags, ConsoleLog console,
                                      ScheduledExecutorService timers) {
        return new VuEnvironment(runtime, request.script(), new ModuleRegistry(extensions.jsModules()), registry,
                metrics::push, testRun, request.scriptEnvironment(), TagSet.of(tags), systemTags, console, timers,
                files);
    }

    private static void requireExecFunctions(VirtualUser vu, List<Executor> executors) {
        for (Executor executor : executors) {
            String exec = executor.config().exec();
            boolean present = vu.inContext(() -> vu.exportedFunction(exec).isPresent());
            if (!present) {
                throw new K6jException(ExitCode.SCRIPT_EXCEPTION, exec.equals("default")
                        ? "the script has no default function: add 'export default function () { ... }'"
                        : "scenario '" + executor.config().name() + "' runs exec '" + exec
                        + "', but the script exports no function of that name");
            }
        }
    }

    private static ExitCode exitCode(TestRunState testRun, ThresholdResults results, TestOptions options,
                                     ConsoleLog console) {
        TestRunState.StopReason stop = testRun.stopReason();
        if (stop != null) {
            console.log("error", 0, stop.message());
            return stop.exitCode();
        }
        if (!options.noThresholds() && results.anyFailed()) {
            console.log("error", 0, "thresholds on metrics '" + String.join(", ", results.failedMetrics())
                    + "' have been crossed");
            return ExitCode.THRESHOLDS_FAILED;
        }
        if (testRun.failure() != null) {
            console.log("error", 0, "test marked as failed: " + testRun.failure());
            return ExitCode.MARKED_AS_FAILED;
        }
        return ExitCode.SUCCESS;
    }

    /** How the run ended, for outputs: thresholds failing at the end still make a finished run. */
    private static RunStatus statusOf(TestRunState testRun, ExitCode exit) {
        if (testRun.stopReason() == null) {
            return RunStatus.FINISHED;
        }
        return switch (exit) {
            case THRESHOLDS_FAILED -> RunStatus.ABORTED_THRESHOLD;
            case EXTERNAL_ABORT -> RunStatus.INTERRUPTED;
            case SCRIPT_ABORTED -> RunStatus.ABORTED_USER;
            default -> RunStatus.ABORTED_SYSTEM;
        };
    }
}
