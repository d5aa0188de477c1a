package dev.k6j.engine.executor;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.progress.Progress;
import dev.k6j.engine.progress.ProgressFormats;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.segment.ExecutionTuple;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code constant-arrival-rate}: starts {@code rate} iterations every {@code timeUnit} for {@code duration}, each on a
 * free VU, whatever the iterations' own durations (see {@link ArrivalRateRun}). The n-th iteration of the whole test
 * is due at {@code n × timeUnit/rate}; with execution segments each instance starts the iterations of its stripes.
 */
public final class ConstantArrivalRate extends BaseExecutor {

    private final long rate;
    private final Duration timeUnit;
    private final Duration duration;
    private final long allMaxVus;
    private final long preAllocatedVus;
    private final long maxVus;
    private final ExecutionTuple iterationTuple;
    private volatile ArrivalRateRun current;

    public ConstantArrivalRate(ScenarioConfig config, ExecutionTuple tuple) {
        super(config, tuple);
        ScenarioChecks checks = new ScenarioChecks(config, "rate", "timeUnit", "duration", "preAllocatedVUs",
                "maxVUs");
        Long rateValue = checks.number("rate");
        this.timeUnit = checks.duration("timeUnit", Duration.ofSeconds(1));
        this.duration = checks.duration("duration");
        Long preAllocated = checks.number("preAllocatedVUs");
        Long max = checks.number("maxVUs");
        checks.check(rateValue == null ? "the iteration rate isn't specified"
                : rateValue <= 0 ? "the iteration rate must be more than 0" : null);
        checks.check(timeUnit.isNegative() || timeUnit.isZero() ? "the timeUnit must be more than 0" : null);
        checks.checkDuration("duration", duration);
        checks.check(preAllocated == null ? "the number of preAllocatedVUs isn't specified"
                : preAllocated < 0 ? "the number of preAllocatedVUs can't be negative" : null);
        long pre = preAllocated == null ? 0 : preAllocated;
        checks.check(max != null && max < pre ? "maxVUs can't be less than preAllocatedVUs" : null);
        checks.throwIfAny();
        this.rate = rateValue;
        this.allMaxVus = max == null ? pre : max;
        this.preAllocatedVus = tuple.scale(pre);
        this.maxVus = tuple.scale(allMaxVus);
        this.iterationTuple = tuple.forValue(allMaxVus);
    }

    @Override
    public ExecutionTuple iterationTuple() {
        return iterationTuple == null ? tuple : iterationTuple;
    }

    @Override
    public List<ExecutionStep> executionRequirements() {
        return List.of(new ExecutionStep(Duration.ZERO, preAllocatedVus, maxVus - preAllocatedVus),
                new ExecutionStep(duration.plus(config.gracefulStop()), 0, 0));
    }

    @Override
    public boolean hasWork() {
        return maxVus > 0;
    }

    /** Iterations per second this instance starts. */
    private double instanceRatePerSecond() {
        if (iterationTuple == null) {
            return 0;
        }
        return rate * iterationTuple.segment().floatLength() * 1e9 / timeUnit.toNanos();
    }

    @Override
    public String description() {
        double perSecond = maxVus == 0 ? 0 : rate * 1e9 / timeUnit.toNanos() * maxVus / allMaxVus;
        String vus = "maxVUs: " + preAllocatedVus + (maxVus > preAllocatedVus ? "-" + maxVus : "");
        return describe(String.format(Locale.ROOT, "%.2f iterations/s for %s", perSecond, Durations.format(duration)),
                vus);
    }

    @Override
    public Progress progress() {
        ArrivalRateRun arrivals = current;
        String format = ProgressFormats.intFormat(maxVus);
        String vus = String.format(Locale.ROOT, format + "/" + format + " VUs",
                arrivals == null ? 0 : arrivals.running(), arrivals == null ? 0 : arrivals.active());
        double perSecond = instanceRatePerSecond();
        String iters = String.format(Locale.ROOT, ProgressFormats.floatFormat(perSecond, 2) + " iters/s", perSecond);
        Duration spent = elapsed();
        if (spent.compareTo(duration) > 0) {
            return Progress.of(1, vus, Durations.format(duration), iters);
        }
        return Progress.of(Math.min(1, (double) spent.toNanos() / duration.toNanos()), vus,
                ProgressFormats.fixedDuration(spent, duration) + "/" + Durations.format(duration), iters);
    }

    @Override
    public void run(ScenarioRun run) throws InterruptedException {
        ArrivalRateRun arrivals = new ArrivalRateRun(run, preAllocatedVus, maxVus);
        current = arrivals;
        long start = markStart(run);
        long end = start + duration.toNanos();
        try {
            // k6's ticker period: timeUnit/rate in whole nanoseconds; iteration n of the test is due at n periods.
            long period = Math.max(1, (long) (timeUnit.toNanos() / (double) rate));
            long durationNanos = duration.toNanos();
            ExecutionTuple own = iterationTuple();
            long[] steps = own.steps();
            long n = own.start();
            for (int step = 0; n <= durationNanos / period; n += steps[step++ % steps.length]) {
                long offset = period * n;
                if (offset >= durationNanos || !arrivals.dispatch(start, offset)) {
                    break;
                }
            }
            Sleeps.until(end, run);
            run.markStopping();
        } finally {
            arrivals.close(end + config.gracefulStop().toNanos());
        }
    }
}
