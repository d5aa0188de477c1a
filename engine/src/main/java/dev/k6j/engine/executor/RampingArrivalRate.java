package dev.k6j.engine.executor;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.progress.Progress;
import dev.k6j.engine.progress.ProgressFormats;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.scenario.Stage;
import dev.k6j.engine.segment.ExecutionTuple;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code ramping-arrival-rate}: the iteration start rate goes from {@code startRate} through the stages' targets
 * (per {@code timeUnit}), linearly within each stage; iterations start on free VUs whatever their own durations, as
 * in {@link ConstantArrivalRate}. The schedule is {@link RampingArrivalSchedule}.
 */
public final class RampingArrivalRate extends BaseExecutor {

    private final long startRate;
    private final Duration timeUnit;
    private final List<Stage> stages;
    private final Duration duration;
    private final long preAllocatedVus;
    private final long maxVus;
    private final boolean maxAbovePreAllocated;
    private final ExecutionTuple iterationTuple;
    private volatile ArrivalRateRun current;
    private volatile long periodNanos;
    /** Set when the whole schedule was dispatched: the scenario came all the way, even before its stages' end. */
    private volatile boolean scheduled;

    public RampingArrivalRate(ScenarioConfig config, ExecutionTuple tuple) {
        super(config, tuple);
        ScenarioChecks checks = new ScenarioChecks(config, "startRate", "timeUnit", "stages", "preAllocatedVUs",
                "maxVUs");
        this.startRate = checks.number("startRate", 0);
        this.timeUnit = checks.duration("timeUnit", Duration.ofSeconds(1));
        this.stages = checks.stages();
        Long preAllocated = checks.number("preAllocatedVUs");
        Long max = checks.number("maxVUs");
        checks.check(startRate < 0 ? "the startRate value can't be negative" : null);
        checks.check(timeUnit.isNegative() || timeUnit.isZero() ? "the timeUnit must be more than 0" : null);
        checks.check(preAllocated == null ? "the number of preAllocatedVUs isn't specified"
                : preAllocated < 0 ? "the number of preAllocatedVUs can't be negative" : null);
        long pre = preAllocated == null ? 0 : preAllocated;
        checks.check(max != null && max < pre ? "maxVUs can't be less than preAllocatedVUs" : null);
        checks.throwIfAny();
        long allMax = max == null ? pre : max;
        this.duration = Stage.total(stages);
        this.preAllocatedVus = tuple.scale(pre);
        this.maxVus = tuple.scale(allMax);
        this.maxAbovePreAllocated = allMax > pre;
        this.iterationTuple = tuple.forValue(allMax);
        long startPeriod = startRate == 0 ? 0 : (long) (timeUnit.toNanos() / (startRate * tuple.segment().floatLength()));
        this.periodNanos = startPeriod;
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

    private double maxRatePerSecond() {
        long maxRate = Math.max(startRate, stages.stream().mapToLong(Stage::target).max().orElse(0));
        return maxRate * tuple.segment().floatLength() * 1e9 / timeUnit.toNanos();
    }

    @Override
    public String description() {
        String vus = "maxVUs: " + preAllocatedVus + (maxAbovePreAllocated ? "-" + maxVus : "");
        return describe(String.format(Locale.ROOT, "Up to %.2f iterations/s for %s over %d stages",
                maxRatePerSecond(), Durations.format(duration), stages.size()), vus);
    }

    @Override
    public Progress progress() {
        ArrivalRateRun arrivals = current;
        String format = ProgressFormats.intFormat(maxVus);
        String vus = String.format(Locale.ROOT, format + "/" + format + " VUs",
                arrivals == null ? 0 : arrivals.running(), arrivals == null ? 0 : arrivals.active());
        long period = periodNanos;
        double perSecond = period > 0 ? 1e9 / period : 0;
        String iters = String.format(Locale.ROOT, ProgressFormats.floatFormat(maxRatePerSecond(), 2) + " iters/s",
                perSecond);
        Duration spent = elapsed();
        if (scheduled || spent.compareTo(duration) > 0 || duration.isZero()) {
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
        try {
            RampingArrivalSchedule schedule = new RampingArrivalSchedule(startRate, stages, timeUnit.toNanos(),
                    iterationTuple());
            long previous = 0;
            boolean stopped = false;
            for (long offset = schedule.next(); offset >= 0; offset = schedule.next()) {
                periodNanos = offset - previous;
                previous = offset;
                if (offset >= duration.toNanos()) {
                    break;
                }
                if (!arrivals.dispatch(start, offset)) {
                    stopped = true;
                    break;
                }
            }
            scheduled = !stopped;
            run.markStopping();
        } finally {
            arrivals.close(start + duration.plus(config.gracefulStop()).toNanos());
        }
    }
}
