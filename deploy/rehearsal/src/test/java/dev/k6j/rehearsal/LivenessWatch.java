package dev.k6j.rehearsal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps probing runners while they run, as Kubernetes' liveness probe does, and remembers what the kubelet would
 * act on: the longest run of failed probes (three in a row, Kubernetes' default {@code failureThreshold}, and the
 * kubelet kills the container; with the operator's {@code restartPolicy: Never} the runner's job fails).
 *
 * <p>One platform thread per runner; {@link #report} and {@link #close} from the test's thread.
 */
final class LivenessWatch implements AutoCloseable {

    /** Kubernetes' default {@code failureThreshold}. */
    static final int FAILURE_THRESHOLD = 3;

    private final StatusProbe probe;
    private final Duration period;
    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();

    /** @param period time between probes (Kubernetes' default is 10 s; a short rehearsal probes more often) */
    LivenessWatch(StatusProbe probe, Duration period) {
        this.probe = probe;
        this.period = period;
    }

    /** Probes {@code hostPort} until {@code process} ends. */
    void watch(String name, String hostPort, Process process) {
        reports.put(name, new Report(0, 0, 0, Duration.ZERO, ""));
        threads.put(name, Thread.ofPlatform().daemon().name("liveness-" + name).start(() -> {
            int inARow = 0;
            try {
                while (process.isAlive()) {
                    StatusProbe.Outcome outcome = probe.probe(hostPort);
                    if (!process.isAlive()) {
                        break; // a runner that just ended refuses connections: that is no failed probe
                    }
                    inARow = outcome.ok() ? 0 : inARow + 1;
                    int failures = inARow;
                    reports.computeIfPresent(name, (key, report) -> report.add(outcome, failures));
                    Thread.sleep(period);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    /** What the probes of runner {@code name} saw so far. */
    Report report(String name) {
        return reports.get(name);
    }

    @Override
    public void close() throws InterruptedException {
        for (Thread thread : threads.values()) {
            thread.interrupt();
            thread.join();
        }
    }

    /**
     * @param probes           probes made
     * @param failed           probes failed
     * @param mostFailedInARow the longest run of failed probes
     * @param slowest          the longest a probe took
     * @param lastFailure      what the last failed probe got
     */
    record Report(int probes, int failed, int mostFailedInARow, Duration slowest, String lastFailure) {

        Report add(StatusProbe.Outcome outcome, int failedInARow) {
            return new Report(probes + 1, failed + (outcome.ok() ? 0 : 1), Math.max(mostFailedInARow, failedInARow),
                    outcome.took().compareTo(slowest) > 0 ? outcome.took() : slowest,
                    outcome.ok() ? lastFailure : outcome.answer());
        }

        @Override
        public String toString() {
            return probes + " probes, " + failed + " failed (at most " + mostFailedInARow + " in a row), slowest "
                    + slowest.toMillis() + " ms" + (lastFailure.isEmpty() ? "" : ", last failure: " + lastFailure);
        }
    }
}
