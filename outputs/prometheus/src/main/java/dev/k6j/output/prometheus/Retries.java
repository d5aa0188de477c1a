package dev.k6j.output.prometheus;

import java.time.Duration;

/**
 * The retry policy of a push: a push that {@link PushResult.Failed failed} (no connection, a time-out, 5xx, 429)
 * is sent again after a back-off that doubles from {@code initialBackoff} up to {@code maxBackoff}, for as long as
 * the next attempt can start before the deadline — the push interval, so retries never pile up behind the next
 * push. A {@link PushResult.Refused refused} push is never retried. The first attempt waits up to the request
 * time-out; later ones no longer than the time left, but at least {@code minAttemptTimeout}.
 *
 * @param initialBackoff    the wait before the first retry
 * @param maxBackoff        the longest wait between retries
 * @param requestTimeout    how long the first attempt may wait for an answer
 * @param minAttemptTimeout the shortest time a retry may wait for an answer
 */
record Retries(Duration initialBackoff, Duration maxBackoff, Duration requestTimeout, Duration minAttemptTimeout) {

    /** The policy used: 100 ms doubling to 2 s. */
    static Retries standard(Duration requestTimeout) {
        return new Retries(Duration.ofMillis(100), Duration.ofSeconds(2), requestTimeout,
                Duration.ofMillis(Math.min(1000, requestTimeout.toMillis())));
    }

    /** One attempt: sends with a time-out. */
    @FunctionalInterface
    interface Attempt {
        PushResult send(Duration timeout) throws InterruptedException;
    }

    /**
     * Runs attempts until one is accepted or refused, or the deadline leaves no room for another.
     *
     * @param deadlineNanos a {@link System#nanoTime()} value
     * @return the last attempt's result
     */
    PushResult run(Attempt attempt, long deadlineNanos) throws InterruptedException {
        PushResult result = attempt.send(requestTimeout);
        long backoff = initialBackoff.toNanos();
        while (result instanceof PushResult.Failed) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= backoff) {
                break;
            }
            Thread.sleep(Duration.ofNanos(backoff));
            long timeout = Math.max(minAttemptTimeout.toNanos(),
                    Math.min(requestTimeout.toNanos(), deadlineNanos - System.nanoTime()));
            result = attempt.send(Duration.ofNanos(timeout));
            backoff = Math.min(backoff * 2, maxBackoff.toNanos());
        }
        return result;
    }
}
