package dev.k6j.engine.executor;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.progress.Progress;
import dev.k6j.engine.progress.ProgressFormats;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.segment.ExecutionTuple;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code externally-controlled}: VUs loop for {@code duration} (0: until stopped) while their number is changed from
 * outside, through the REST API ({@code PATCH /v1/status}) or {@code k6j scale}, and the test is paused and resumed.
 * Lowered VUs are interrupted; {@code maxVUs} may grow (new VUs are initialized) but never below the configured one.
 * As in k6 v1.
 *
 * <p>Threads: {@link #update} and {@link #setPaused} are called from the REST API's threads; they hand the change to
 * the scenario's thread and wait for it to be applied.
 */
public final class ExternallyControlled extends BaseExecutor {

    /** A change to apply on the scenario's thread; completes with an error message or {@code null}. */
    private record Command(Long vus, Long maxVus, Boolean paused, CompletableFuture<String> result) {
    }

    private static final long APPLY_TIMEOUT_SECONDS = 60;

    private final Duration duration;
    private final long configuredMaxVus;
    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final Object configLock = new Object();
    private long vus;
    private long maxVus;
    private volatile boolean started;
    private volatile ExternallyControlledVus slots;
    private volatile ScenarioRun runState;

    public ExternallyControlled(ScenarioConfig config, ExecutionTuple tuple) {
        super(config, tuple);
        ScenarioChecks checks = new ScenarioChecks(config, "vus", "duration", "maxVUs");
        Long vusValue = checks.number("vus");
        Long maxValue = checks.number("maxVUs");
        this.vus = vusValue == null ? 0 : vusValue;
        this.maxVus = maxValue == null ? vus : maxValue;
        this.duration = checks.duration("duration");
        String paramsError = validate(vus, maxVus);
        checks.check(paramsError);
        checks.check(duration == null ? "the duration must be specified, for infinite duration use 0"
                : duration.isNegative() ? "the duration can't be negative, for infinite duration use 0" : null);
        checks.check(config.has("gracefulStop") ? "gracefulStop is not supported by the externally controlled executor"
                : null);
        checks.throwIfAny();
        this.configuredMaxVus = maxVus;
    }

    private static String validate(long vus, long maxVus) {
        if (vus < 0) {
            return "the number of VUs can't be negative";
        }
        if (maxVus < vus) {
            return "the number of active VUs (" + vus + ") must be less than or equal to the number of maxVUs ("
                    + maxVus + ")";
        }
        return null;
    }

    @Override
    public List<ExecutionStep> executionRequirements() {
        ExecutionStep first = ExecutionStep.of(Duration.ZERO, tuple.scale(configuredMaxVus));
        return duration.isZero() ? List.of(first) : List.of(first, ExecutionStep.of(duration, 0));
    }

    @Override
    public boolean hasWork() {
        return true;
    }

    @Override
    public String description() {
        return "Externally controlled execution with " + vus + " VUs, " + maxVus + " max VUs, "
                + (duration.isZero() ? "infinite" : Durations.format(duration)) + " duration";
    }

    /** The VUs looping now, across all instances (as configured, not scaled). */
    public long vus() {
        synchronized (configLock) {
            return vus;
        }
    }

    /** The max VUs now, across all instances. */
    public long maxVus() {
        synchronized (configLock) {
            return maxVus;
        }
    }

    /**
     * Changes the looping VUs and/or max VUs ({@code null}: unchanged). Before the scenario starts the new values
     * become its starting ones; afterwards they are applied at once, interrupting iterations of removed VUs.
     *
     * @throws IllegalArgumentException with k6's message when the values are invalid
     */
    public void update(Long newVus, Long newMaxVus) throws InterruptedException {
        long targetVus;
        long targetMax;
        synchronized (configLock) {
            targetVus = newVus == null ? vus : newVus;
            targetMax = newMaxVus == null ? maxVus : newMaxVus;
            String error = validate(targetVus, targetMax);
            if (error != null) {
                throw new IllegalArgumentException("invalid configuration supplied: " + error);
            }
            if (targetMax < configuredMaxVus) {
                throw new IllegalArgumentException("the new number of max VUs cannot be lower than the starting "
                        + "number of max VUs (" + configuredMaxVus + ")");
            }
            if (!started) {
                vus = targetVus;
                maxVus = targetMax;
                return;
            }
        }
        apply(new Command(targetVus, targetMax, null, new CompletableFuture<>()));
    }

    /**
     * Pauses (running iterations finish, no new ones start) or resumes the scenario.
     *
     * @throws IllegalStateException before the scenario started
     */
    public void setPaused(boolean paused) throws InterruptedException {
        if (!started) {
            throw new IllegalStateException("cannot pause the externally controlled executor before it has started");
        }
        apply(new Command(null, null, paused, new CompletableFuture<>()));
    }

    private void apply(Command command) throws InterruptedException {
        commands.add(command);
        String error;
        try {
            error = command.result().get(APPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            error = "the change is still being applied after " + APPLY_TIMEOUT_SECONDS + "s (new VUs are "
                    + "initialized one by one); GET /v1/status shows how far it got";
        } catch (ExecutionException e) {
            error = "the change could not be applied: " + e.getCause();
        }
        if (error != null) {
            throw new IllegalStateException(error);
        }
    }

    @Override
    public Progress progress() {
        ExternallyControlledVus current = slots;
        long active = current == null ? 0 : current.active();
        long max = current == null ? tuple.scale(configuredMaxVus) : current.size();
        String format = ProgressFormats.intFormat(max);
        String vusText = String.format(Locale.ROOT, format + "/" + format + " VUs", active, max);
        Duration spent = started ? elapsedInTest() : Duration.ZERO;
        if (spent.compareTo(duration) > 0) {
            return Progress.of(1, vusText, Durations.format(duration), "");
        }
        double fraction = duration.isZero() ? 0 : Math.min(1, (double) spent.toNanos() / duration.toNanos());
        return Progress.of(fraction, vusText, ProgressFormats.fixedDuration(spent, duration) + "/"
                + Durations.format(duration), "");
    }

    /** Time since the scenario's start in test time, which stops while the test is paused (as k6 counts it). */
    private Duration elapsedInTest() {
        return runState == null ? Duration.ZERO : runState.testRun().elapsed().minus(config.startTime());
    }

    @Override
    public void run(ScenarioRun run) throws InterruptedException {
        runState = run;
        long startVus;
        long startMax;
        synchronized (configLock) {
            started = true;
            startVus = vus;
            startMax = maxVus;
        }
        markStart(run);
        ExternallyControlledVus control = new ExternallyControlledVus(run);
        slots = control;
        try {
            control.retrievePlannedVus(tuple.scale(configuredMaxVus));
            control.change(tuple.scale(0), tuple.scale(configuredMaxVus), tuple.scale(startVus), tuple.scale(startMax));
            long[] current = {startVus, startMax};
            while (!run.stopping() && (duration.isZero() || elapsedInTest().compareTo(duration) < 0)) {
                Command command = commands.poll(100, TimeUnit.MILLISECONDS);
                if (command == null) {
                    continue;
                }
                String error = null;
                if (command.paused() != null) {
                    control.pause(command.paused(), tuple.scale(current[0]));
                } else {
                    error = control.change(tuple.scale(current[0]), tuple.scale(current[1]),
                            tuple.scale(command.vus()), tuple.scale(command.maxVus()));
                    if (error == null) {
                        current[0] = command.vus();
                        current[1] = command.maxVus();
                        synchronized (configLock) {
                            vus = command.vus();
                            maxVus = command.maxVus();
                        }
                    }
                }
                command.result().complete(error);
            }
        } finally {
            control.release();
            Command left;
            while ((left = commands.poll()) != null) {
                left.result().complete("the externally controlled executor has ended");
            }
        }
    }
}
