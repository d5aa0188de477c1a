package dev.k6j.engine.run;

import dev.k6j.engine.api.RestApiServer;
import dev.k6j.engine.config.ConfigFile;
import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.execution.ExecutionStatus;
import dev.k6j.engine.execution.RunClock;
import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.executor.ExecutionPlan;
import dev.k6j.engine.executor.Executor;
import dev.k6j.engine.executor.Executors;
import dev.k6j.engine.executor.RunContext;
import dev.k6j.engine.executor.ScenarioRun;
import dev.k6j.engine.executor.VuPool;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.JsRuntime;
import dev.k6j.engine.js.ModuleRegistry;
import dev.k6j.engine.metrics.BuiltinMetrics;
import dev.k6j.engine.metrics.MetricRegistryImpl;
import dev.k6j.engine.metrics.MetricsEngine;
import dev.k6j.engine.metrics.MetricsSnapshot;
import dev.k6j.engine.metrics.ThresholdParser;
import dev.k6j.engine.metrics.ThresholdResults;
import dev.k6j.engine.metrics.Thresholds;
import dev.k6j.engine.output.OutputContext;
import dev.k6j.engine.output.OutputManager;
import dev.k6j.engine.output.WebDashboardSwitch;
import dev.k6j.engine.progress.ProgressBar;
import dev.k6j.engine.progress.ProgressPrinter;
import dev.k6j.engine.scenario.ScenarioScheduler;
import dev.k6j.engine.segment.ExecutionTuple;
import dev.k6j.engine.vu.ConsoleLog;
import dev.k6j.engine.vu.ConsoleLogger;
import dev.k6j.engine.vu.IterationRunner;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.engine.vu.VuEnvironment;
import dev.k6j.spi.RunStatus;
import dev.k6j.spi.TagSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs one test from start to end: init, options, the execution plan, outputs, VUs, setup, scenarios, teardown,
 * thresholds, summary, and decides the exit code. Data flows one way: script → VUs → samples → metrics engine → sinks
 * and outputs → summary. The REST API, when on, watches and steers the run from the side.
 */
public final class TestRunner {

    private final RunRequest request;
    private final ExtensionRegistry extensions;
    private final ConsoleLog console;
    /** The run a stop goes to: the options VU's until the options are known, then the test's. */
    private volatile TestRunState activeRun;
    /** A stop asked for from outside (Ctrl-C), kept for the run objects made after it. */
    private volatile TestRunState.StopReason interruption;
    /** Released by Ctrl-C: what a --linger run waits for after the test. */
    private final java.util.concurrent.CountDownLatch lingering = new java.util.concurrent.CountDownLatch(1);
    private volatile RunPhase phase = RunPhase.INIT;

    public TestRunner(RunRequest request, ExtensionRegistry extensions) {
        this.request = request;
        this.extensions = extensions;
        this.console = request.console();
    }

    /**
     * Stops the test as a first Ctrl-C does, in whatever phase it is: summary, outputs flushed, exit code 105. Says
     * at once what the stop does or waits for now. Any thread.
     *
     * @param reason   the error the run ends with (k6's "test run was aborted because …")
     * @param received what was received, for the notice ("SIGINT (Ctrl-C)")
     * @param again    how to stop at once instead
     * @return false while the script's init code runs: nothing has started that a graceful stop would save, so the
     *         caller should end the process now (the run is stopped all the same)
     */
    public boolean interrupt(String reason, String received, String again) {
        RunPhase now = phase;
        interruption = new TestRunState.StopReason(ExitCode.EXTERNAL_ABORT, reason);
        lingering.countDown();
        TestRunState run = activeRun;
        if (run != null) {
            run.stop(interruption);
        }
        if (now == RunPhase.INIT) {
            return false;
        }
        console.log("warn", 0, received + " received: " + now.gracefulStop() + "; " + again);
        return true;
    }

    /** Runs the test and returns the exit code. User mistakes are thrown as {@link K6jException}. */
    public ExitCode run() throws InterruptedException {
        return execute().exitCode();
    }

    /**
     * Runs the test and returns how it ended, with the data of its summary (for in-process runs, which read the
     * results instead of the printed summary). User mistakes are thrown as {@link K6jException}.
     */
    public RunOutcome execute() throws InterruptedException {
        try {
            return executeInPhases();
        } catch (K6jException e) {
            // Whatever the interrupted init code or VU initialization threw, the run ends as the stop says.
            TestRunState.StopReason stop = interruption;
            throw stop != null && e.exitCode() == ExitCode.EXTERNAL_ABORT ? new K6jException(stop.exitCode(),
                    stop.message(), e) : e;
        }
    }

    private RunOutcome executeInPhases() throws InterruptedException {
        extensions.brokenPlugins().forEach(plugin -> console.log("warn", 0, plugin.warning()));
        // A missing output is known before the script's init code runs, as a missing module is during it.
        List<String> outFlags = WebDashboardSwitch.outputs(request.outputs(), request.systemEnvironment(),
                request.configFile() == null ? Map.of() : ConfigFile.read(request.configFile()), extensions);
        OutputManager.requireKnown(outFlags, extensions);
        MetricRegistryImpl registry = new MetricRegistryImpl();
        BuiltinMetrics builtin = new BuiltinMetrics(registry);
        ScheduledExecutorService timers = java.util.concurrent.Executors.newScheduledThreadPool(1,
                Thread.ofPlatform().daemon().name("k6j-timers").factory());
        try (JsRuntime runtime = new JsRuntime();
             MetricsEngine metrics = new MetricsEngine(registry, 4096)) {
            // The options VU (id 0) reads the script's options and later runs setup, teardown and handleSummary.
            TestRunState bootstrap = new TestRunState(Map.of());
            activeRun = bootstrap;
            if (interruption != null) {
                bootstrap.stop(interruption);
            }
            VuEnvironment bootstrapEnv = environment(runtime, registry, metrics, bootstrap, Map.of(),
                    dev.k6j.engine.vu.SystemTags.DEFAULT, console, timers);
            VirtualUser serviceVu = new VuFactory(bootstrapEnv, bootstrap).create(0);
            // As k6 after initializing VU 0: remote modules are all fetched; other VUs use those copies.
            request.script().sources().lock();
            Map<String, Object> raw = ScriptOptions.consolidate(request.configFile(),
                    ScriptOptions.exported(serviceVu), request.systemEnvironment(), request.cliOptions());
            TestOptions options = TestOptions.from(raw);
            ExecutionTuple tuple = options.executionTuple();
            List<Executor> executors = Executors.createAll(options.scenarios(), tuple);
            requireExecFunctions(serviceVu, executors);
            ExecutionPlan plan = ExecutionPlan.of(executors);
            VuMemoryBudget budget = VuMemoryBudget.ofThisJvm(request.noVuMemoryCheck(),
                    message -> console.log("warn", 0, message));
            budget.check(plan.maxPossibleVus());
            List<Executor> working = withWork(executors, tuple, console);

            Thresholds thresholds = options.noThresholds() ? Thresholds.none()
                    : ThresholdParser.parse(options.thresholds());
            thresholds.validate(registry);
            metrics.setThresholds(thresholds);

            TestRunState testRun = new TestRunState(raw);
            activeRun = testRun;
            if (interruption != null) {
                testRun.stop(interruption);
            }
            if (options.paused()) {
                testRun.pause();
            }
            RestApiServer api = startApi(new RunController(testRun, working, budget), console);
            try {
                return runTest(outFlags, testRun, options, tuple, executors, working, plan, budget, thresholds,
                        serviceVu, registry, builtin, metrics, runtime, timers);
            } finally {
                linger();
                if (api != null) {
                    api.close();
                }
            }
        } finally {
            timers.shutdownNow();
        }
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private RunOutcome runTest(List<String> outFlags, TestRunState testRun, TestOptions options, ExecutionTuple tuple,
                               List<Executor> executors, List<Executor> working, ExecutionPlan plan,
                               VuMemoryBudget budget, Thresholds thresholds, VirtualUser serviceVu,
                               MetricRegistryImpl registry, BuiltinMetrics builtin, MetricsEngine metrics,
                               JsRuntime runtime, ScheduledExecutorService timers)
            throws InterruptedException {
        phase = RunPhase.VU_INIT;
        Map<String, Object> raw = options.raw();
        VuEnvironment env = environment(runtime, registry, metrics, testRun, options.tags(), options.systemTags(),
                console, timers);
        OutputManager outputs = OutputManager.create(outFlags, extensions, new OutputContext(
                request.configFile() == null ? Map.of() : ConfigFile.read(request.configFile()),
                request.systemEnvironment(), raw, request.workingDirectory(), request.stdout(), request.stderr(),
                name -> new ConsoleLogger(name, console, 0), request.script().displayName()));
        outputs.setThresholds(thresholds.sources());
        outputs.setTestRunStopCallback(cause -> testRun.stop(new TestRunState.StopReason(
                ExitCode.GENERIC_ENGINE, "an output stopped the test: " + cause.getMessage())));
        metrics.addListener(outputs::addMetricSamples);

        RunBanner.print(request, runtime, tuple, executors, plan, outputs.descriptions());
        outputs.start();
        metrics.start();
        RunStatus status = RunStatus.FINISHED;
        List<VirtualUser> allVus = new ArrayList<>();
        try {
            testRun.setStatus(ExecutionStatus.INIT_VUS);
            VuFactory factory = new VuFactory(env, testRun);
            VuIds ids = new VuIds(tuple);
            List<VirtualUser> planned = factory.createAll(plan.maxPlannedVus(), ids, budget);
            VuPool pool = new VuPool(planned, plan.maxPossibleVus() - plan.maxPlannedVus(),
                    () -> factory.createNext(ids), testRun::stopping, message -> console.log("warn", 0, message));
            allVus.addAll(planned);
            testRun.setStatus(ExecutionStatus.INIT_DONE);
            // As in k6, VU 0 is made afresh only for the lifecycle functions that will run; without them the
            // options VU stays, and only answers that they are absent. One context less to build at start-up.
            if (Lifecycle.anyToRun(serviceVu, options)) {
                serviceVu = freshServiceVu(serviceVu, env, testRun);
            }
            if (testRun.paused()) {
                testRun.setStatus(ExecutionStatus.PAUSED_BEFORE_RUN);
                testRun.awaitResumed();
            }
            testRun.setStatus(ExecutionStatus.SETUP);
            phase = RunPhase.SETUP;
            // As in k6, a stop before setup() completed skips the scenarios and teardown().
            Optional<String> setupData = setup(serviceVu, options, testRun);
            if (setupData.isPresent()) {
                String data = setupData.get().isEmpty() ? null : setupData.get();
                RunContext context = new RunContext(pool, new IterationRunner(registry, options.minIterationDuration()),
                        testRun, data, ScenarioScheduler.vuThreads(), metrics::push, builtin.droppedIterations,
                        TagSet.of(options.tags()), options.systemTags(), request.scriptEnvironment(), console,
                        RunClock.SYSTEM);
                ScenarioScheduler scheduler = new ScenarioScheduler(
                        working.stream().map(executor -> new ScenarioRun(executor, context)).toList(), testRun,
                        RunClock.SYSTEM);
                testRun.setStatus(ExecutionStatus.RUNNING);
                phase = RunPhase.RUN;
                try {
                    runScenarios(scheduler, testRun, options, thresholds, builtin, metrics, plan, console,
                            outputs);
                } finally {
                    allVus.clear();
                    allVus.addAll(pool.all());
                }
                testRun.setStatus(ExecutionStatus.TEARDOWN);
                phase = RunPhase.TEARDOWN;
                Lifecycle.teardown(serviceVu, options, testRun, data);
            } else {
                // Stopped before the scenarios: the summary still shows the VUs, as k6's does.
                RunTicker.emitVus(metrics, builtin, testRun, TagSet.of(options.tags()));
            }
            allVus.forEach(VirtualUser::close);
            allVus.clear();
            phase = RunPhase.SUMMARY;
            metrics.flush();
            MetricsSnapshot snapshot = metrics.snapshot();
            ThresholdResults results = thresholds.evaluateFinal(snapshot, testRun.elapsed());
            if (!options.noThresholds() && !thresholds.isEmpty()) {
                outputs.setThresholdResults(results.okByMetric());
            }
            Map<String, Object> summaryData = EndOfTest.summaryData(request, options, snapshot, results,
                    testRun.elapsed());
            boolean summaryCompleted = EndOfTest.report(request, serviceVu, options, summaryData,
                    outputs::setTestSummary);
            TestRunState.StopReason end = ending(testRun, results, options);
            ExitCode exit = end == null ? ExitCode.SUCCESS : end.exitCode();
            if (end != null) {
                console.log("error", 0, end.message());
            } else if (!summaryCompleted) {
                exit = ExitCode.GENERIC_TIMEOUT;
            }
            testRun.setStatus(exit == ExitCode.EXTERNAL_ABORT ? ExecutionStatus.INTERRUPTED : ExecutionStatus.ENDED);
            status = statusOf(testRun, exit);
            return new RunOutcome(exit, end == null ? null : end.message(), summaryData, snapshot, results);
        } catch (K6jException e) {
            status = e.exitCode() == ExitCode.SCRIPT_EXCEPTION ? RunStatus.ABORTED_SCRIPT_ERROR : RunStatus.ABORTED_SYSTEM;
            throw e;
        } finally {
            phase = RunPhase.OUTPUTS;
            allVus.forEach(VirtualUser::close);
            serviceVu.close();
            metrics.close();
            outputs.stop(status);
        }
    }

    /** With --linger, as k6: the test is over but the REST API stays up until Ctrl-C. */
    private void linger() throws InterruptedException {
        if (!request.linger() || lingering.getCount() == 0) {
            return;
        }
        if (!request.quiet()) {
            request.stdout().println("The test is done, but --linger was enabled, so k6j is waiting for Ctrl+C to "
                    + "continue...");
            request.stdout().flush();
        }
        lingering.await();
    }

    /**
     * The VU for setup, teardown and handleSummary, with the test's environment; the options VU stays when the
     * test is stopping meanwhile.
     */
    private static VirtualUser freshServiceVu(VirtualUser optionsVu, VuEnvironment env, TestRunState testRun) {
        if (testRun.stopping()) {
            return optionsVu;
        }
        try {
            VirtualUser fresh = new VuFactory(env, testRun).create(0);
            optionsVu.close();
            return fresh;
        } catch (K6jException e) {
            if (testRun.stopping()) {
                return optionsVu;
            }
            throw e;
        }
    }

    /**
     * setup(), which a stop interrupts: its JSON result ({@code ""} for none) once it completed, empty when the test
     * stopped before or during it.
     */
    private static Optional<String> setup(VirtualUser serviceVu, TestOptions options, TestRunState testRun)
            throws InterruptedException {
        if (testRun.stopping()) {
            return Optional.empty();
        }
        testRun.interruptible(serviceVu);
        try {
            String data = Lifecycle.setup(serviceVu, options, testRun);
            return testRun.stopping() ? Optional.empty() : Optional.of(data == null ? "" : data);
        } catch (K6jException e) {
            if (testRun.stopping()) {
                return Optional.empty();
            }
            throw e;
        } finally {
            testRun.noLongerInterruptible(serviceVu);
        }
    }

    /** The scenarios with the live progress and the clock's jobs around them. */
    private void runScenarios(ScenarioScheduler scheduler, TestRunState testRun, TestOptions options,
                              Thresholds thresholds, BuiltinMetrics builtin, MetricsEngine metrics, ExecutionPlan plan,
                              ConsoleLog console, OutputManager outputs) throws InterruptedException {
        List<ProgressBar> bars = new ArrayList<>();
        boolean tty = request.stdoutIsTty();
        int width = tty && !request.quiet() ? ProgressPrinter.terminalWidth(request.systemEnvironment()) : 80;
        RunStats stats = new RunStats(testRun, plan.endOffset(), plan.maxPossibleVus());
        bars.add(ProgressBar.hijacked(stats::line));
        bars.addAll(scheduler.bars());
        RunTicker ticker = RunTicker.start(metrics, thresholds, testRun, builtin, TagSet.of(options.tags()),
                options.noThresholds(), results -> outputs.setThresholdResults(results.okByMetric()));
        try (ProgressPrinter printer = ProgressPrinter.start(request.stderr(), tty, request.color(), request.quiet(),
                bars, width)) {
            console.setPersistentText(printer::persistentText);
            try {
                scheduler.runAll();
            } finally {
                console.setPersistentText(null);
            }
        } finally {
            ticker.close();
        }
    }

    /** The executors that have work in this instance's segment; the others are left out with a warning, as k6. */
    private static List<Executor> withWork(List<Executor> executors, ExecutionTuple tuple, ConsoleLog console) {
        List<Executor> working = new ArrayList<>();
        for (Executor executor : executors) {
            if (executor.hasWork()) {
                working.add(executor);
            } else {
                console.log("warn", 0, "Executor '" + executor.config().name() + "' is disabled for segment "
                        + tuple.segment() + " due to lack of work!");
            }
        }
        return working;
    }

    /** Starts the REST API unless it is off; a failure stops the run only when the address was asked for. */
    private RestApiServer startApi(RunController controller, ConsoleLog console) {
        String address = request.address();
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            return RestApiServer.start(address, controller);
        } catch (IOException | RuntimeException e) {
            String message = "could not start the REST API on " + address + ": " + e.getMessage();
            if (request.addressExplicit()) {
                throw new K6jException(ExitCode.CANNOT_START_REST_API, message
                        + "; pick another with --address host:port, or turn it off with --address \"\"");
            }
            console.log("warn", 0, message);
            return null;
        }
    }

    private VuEnvironment environment(JsRuntime runtime, MetricRegistryImpl registry, MetricsEngine metrics,
                                      TestRunState testRun, Map<String, String> tags,
                                      dev.k6j.engine.vu.SystemTags systemTags, ConsoleLog console,
                                      ScheduledExecutorService timers) {
        return new VuEnvironment(runtime, request.script(), new ModuleRegistry(extensions.jsModules(),
                extensions::brokenPluginFor), registry,
                metrics::push, testRun, request.scriptEnvironment(), TagSet.of(tags), systemTags, console, timers);
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

    /** Why the run ends without success, in k6's order (a stop, then thresholds, then exec.test.fail()), or null. */
    private static TestRunState.StopReason ending(TestRunState testRun, ThresholdResults results,
                                                  TestOptions options) {
        TestRunState.StopReason stop = testRun.stopReason();
        if (stop != null) {
            return stop;
        }
        if (!options.noThresholds() && results.anyFailed()) {
            return new TestRunState.StopReason(ExitCode.THRESHOLDS_FAILED, "thresholds on metrics '"
                    + String.join(", ", results.failedMetrics()) + "' have been crossed");
        }
        if (testRun.failure() != null) {
            return new TestRunState.StopReason(ExitCode.MARKED_AS_FAILED, "test marked as failed: "
                    + testRun.failure());
        }
        return null;
    }

    /** How the run ended, for outputs: thresholds failing at the end still make a finished run. */
    private static RunStatus statusOf(TestRunState testRun, ExitCode exit) {
        if (testRun.stopReason() == null) {
            return RunStatus.FINISHED;
        }
        return switch (exit) {
            case THRESHOLDS_FAILED -> RunStatus.ABORTED_THRESHOLD;
            case EXTERNAL_ABORT -> RunStatus.INTERRUPTED;
            case SCRIPT_ABORTED, SCRIPT_STOPPED_FROM_REST_API -> RunStatus.ABORTED_USER;
            default -> RunStatus.ABORTED_SYSTEM;
        };
    }
}
