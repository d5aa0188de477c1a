package dev.k6j.engine.output;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.OutputParams;
import dev.k6j.spi.RunStatus;
import dev.k6j.spi.Sample;
import dev.k6j.spi.WithRunStatusUpdates;
import dev.k6j.spi.WithTestRunStop;
import dev.k6j.spi.WithTestSummary;
import dev.k6j.spi.WithThresholdResults;
import dev.k6j.spi.WithThresholds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The outputs chosen with {@code --out}, driven as one: created from the flags, started before the test, fed
 * every batch of samples, stopped at the end.
 *
 * <pre>{@code
 * OutputManager outputs = OutputManager.create(List.of("json=results.json"), extensions, context);
 * outputs.setThresholds(thresholds);
 * outputs.start();
 * ... outputs.addMetricSamples(batch) ...        // from the metrics ingester
 * outputs.stop(RunStatus.FINISHED);
 * }</pre>
 *
 * <p>Threads: {@link #create}, the setters, {@link #start} and {@link #stop} are called by the runner's thread;
 * {@link #addMetricSamples} by the one metrics ingester thread. A failing output never breaks the others.
 */
public final class OutputManager {

    private static final System.Logger LOG = System.getLogger(OutputManager.class.getName());

    private final List<RunningOutput> outputs;
    private volatile List<RunningOutput> started = List.of();
    private final AtomicBoolean startCalled = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private OutputManager(List<RunningOutput> outputs) {
        this.outputs = List.copyOf(outputs);
    }

    /**
     * Creates the outputs named by {@code --out} values, in order.
     *
     * @throws K6jException invalid config: an unknown output name, or an output that rejects its configuration
     */
    public static OutputManager create(List<String> outFlags, ExtensionRegistry registry, OutputContext context) {
        List<RunningOutput> outputs = new ArrayList<>();
        for (String flag : outFlags) {
            OutputSpec spec = OutputSpec.parse(flag);
            OutputFactory factory = registry.findOutput(spec.name())
                    .orElseThrow(() -> UnknownOutputs.error(spec.name(), registry.outputs().keySet()));
            outputs.add(new RunningOutput(spec.name(), createOne(factory, spec, context)));
        }
        return new OutputManager(outputs);
    }

    /**
     * Checks that every {@code --out} value names an output this engine has, before anything runs.
     *
     * @throws K6jException invalid config: an unknown output name, with what is available and how to add one
     */
    public static void requireKnown(List<String> outFlags, ExtensionRegistry registry) {
        for (String flag : outFlags) {
            OutputSpec spec = OutputSpec.parse(flag);
            if (registry.findOutput(spec.name()).isEmpty()) {
                throw UnknownOutputs.error(spec.name(), registry.outputs().keySet());
            }
        }
    }

    private static Output createOne(OutputFactory factory, OutputSpec spec, OutputContext context) {
        Map<String, Object> section = context.sectionFor(factory.name());
        if (section.isEmpty() && !spec.name().equals(factory.name())) {
            section = context.sectionFor(spec.name()); // the user typed an alias; its section counts too
        }
        OutputParams params = new OutputParams(spec.name(), spec.argument(), section,
                context.environment(), context.scriptOptions(), context.workingDirectory(), context.stdout(),
                context.stderr(), context.loggers().apply("k6j.output." + factory.name()), context.scriptPath());
        Output output;
        try {
            output = factory.create(params);
        } catch (K6jException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new K6jException(ExitCode.INVALID_CONFIG,
                    "could not create the '" + spec.name() + "' output: " + messageOf(e), e);
        }
        if (output == null) {
            throw K6jException.invalidConfig("could not create the '" + spec.name() + "' output: "
                    + factory.getClass().getName() + " returned no output");
        }
        return output;
    }

    /** The outputs, in {@code --out} order. */
    public List<Output> outputs() {
        return outputs.stream().map(RunningOutput::output).toList();
    }

    /** Whether no output was chosen. */
    public boolean isEmpty() {
        return outputs.isEmpty();
    }

    /** One line per output for the run banner, e.g. {@code "json (results.json)"}. */
    public List<String> descriptions() {
        return outputs.stream().map(o -> o.output().description()).toList();
    }

    /** Passes the test's thresholds (metric name to expressions) to outputs that want them; call before {@link #start}. */
    public void setThresholds(Map<String, List<String>> thresholds) {
        Map<String, List<String>> copy = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        for (RunningOutput o : outputs) {
            if (o.output() instanceof WithThresholds withThresholds) {
                withThresholds.setThresholds(copy);
            }
        }
    }

    /** Passes the callback that stops the test run to outputs that may stop it; call before {@link #start}. */
    public void setTestRunStopCallback(Consumer<Throwable> stop) {
        for (RunningOutput o : outputs) {
            if (o.output() instanceof WithTestRunStop withTestRunStop) {
                withTestRunStop.setTestRunStopCallback(stop);
            }
        }
    }

    /**
     * Passes one evaluation of the thresholds (metric to expression to whether it holds) to outputs that follow
     * them. Called by the engine's clock thread while the test runs and by the runner's thread at the end; an output
     * that throws is logged and the others still get the results.
     */
    public void setThresholdResults(Map<String, Map<String, Boolean>> results) {
        Map<String, Map<String, Boolean>> copy = new LinkedHashMap<>();
        results.forEach((metric, expressions) -> copy.put(metric,
                Collections.unmodifiableMap(new LinkedHashMap<>(expressions))));
        Map<String, Map<String, Boolean>> shared = Collections.unmodifiableMap(copy);
        for (RunningOutput o : started) {
            if (o.output() instanceof WithThresholdResults withResults) {
                o.call("take the threshold results", () -> withResults.setThresholdResults(shared));
            }
        }
    }

    /** Passes the end-of-test summary ({@code handleSummary}'s data) to outputs that want it; call before {@link #stop}. */
    public void setTestSummary(Map<String, Object> summary) {
        Map<String, Object> shared = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        for (RunningOutput o : started) {
            if (o.output() instanceof WithTestSummary withSummary) {
                o.call("take the summary", () -> withSummary.setTestSummary(shared));
            }
        }
    }

    /**
     * Starts every output in order. If one fails, those already started are stopped and the failure is reported.
     *
     * @throws K6jException invalid config naming the output and the cause
     */
    public void start() {
        if (stopped.get() || !startCalled.compareAndSet(false, true)) {
            return;
        }
        List<RunningOutput> running = new ArrayList<>();
        for (RunningOutput o : outputs) {
            try {
                o.output().start();
            } catch (Exception e) {
                stopAll(running, RunStatus.ABORTED_SYSTEM);
                throw new K6jException(ExitCode.INVALID_CONFIG,
                        "could not start the '" + o.name() + "' output: " + messageOf(e), e);
            }
            running.add(o);
        }
        started = List.copyOf(running);
    }

    /**
     * Gives a batch of samples to every started output. Called from the metrics ingester thread; the list must
     * not change afterwards. An output that throws is logged once and skipped for this batch.
     */
    public void addMetricSamples(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        List<Sample> batch = Collections.unmodifiableList(samples);
        for (RunningOutput o : started) {
            o.add(batch);
        }
    }

    /**
     * Tells outputs how the run ended ({@link WithRunStatusUpdates}) and stops them, in order, so they deliver what
     * is left. Never throws: failures are logged with the output's name. A second call does nothing. Call it after
     * the ingester's last {@link #addMetricSamples} has returned: samples added while outputs stop may be dropped.
     */
    public void stop(RunStatus status) {
        if (stopped.compareAndSet(false, true)) {
            List<RunningOutput> running = started;
            started = List.of();
            stopAll(running, status);
        }
    }

    private static void stopAll(List<RunningOutput> running, RunStatus status) {
        for (RunningOutput o : running) {
            o.stop(status);
        }
    }

    static String messageOf(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /** One output with its {@code --out} name and a count of batches it refused. */
    private record RunningOutput(String name, Output output, AtomicLong refused) {

        RunningOutput(String name, Output output) {
            this(name, output, new AtomicLong());
        }

        void add(List<Sample> batch) {
            try {
                output.addMetricSamples(batch);
            } catch (RuntimeException e) {
                if (refused.getAndIncrement() == 0) {
                    LOG.log(System.Logger.Level.WARNING, "output '" + name + "' refused samples: " + messageOf(e), e);
                }
            }
        }

        /** Runs one optional hook of the output; a failure is logged with the output's name, never thrown. */
        void call(String what, Runnable hook) {
            try {
                hook.run();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "output '" + name + "' failed to " + what + ": " + messageOf(e), e);
            }
        }

        void stop(RunStatus status) {
            if (output instanceof WithRunStatusUpdates withStatus) {
                try {
                    withStatus.setRunStatus(status);
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(System.Logger.Level.WARNING,
                            "output '" + name + "' failed to take the run status: " + messageOf(e), e);
                }
            }
            try {
                output.stop();
            } catch (Exception | LinkageError e) {
                LOG.log(System.Logger.Level.ERROR, "output '" + name + "' failed to stop: " + messageOf(e), e);
            }
            long batches = refused.get();
            if (batches > 0) {
                LOG.log(System.Logger.Level.WARNING,
                        "output '" + name + "' refused " + batches + " batch(es) of samples during the run");
            }
        }
    }
}
