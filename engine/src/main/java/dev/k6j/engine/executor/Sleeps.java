package dev.k6j.engine.executor;

/**
 * Waiting until a moment of the scenario's clock, and waking early when the test stops. Called on executors'
 * threads.
 */
final class Sleeps {

    /** How often a long wait checks whether the test stops. */
    private static final long CHECK_NANOS = 20_000_000L;

    private Sleeps() {
    }

    /**
     * Sleeps until {@code deadline} (a value of the scenario's {@link dev.k6j.engine.execution.RunClock}); returns
     * false if the test started stopping first.
     */
    static boolean until(long deadline, ScenarioRun run) throws InterruptedException {
        while (true) {
            if (run.stopping()) {
                return false;
            }
            long now = run.clock().nanoTime();
            if (now >= deadline) {
                return true;
            }
            run.clock().sleepUntil(Math.min(deadline, now + CHECK_NANOS));
        }
    }
}
