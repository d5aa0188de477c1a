package dev.k6j.engine.secrets;

/**
 * A token bucket: {@code perMinute} requests a minute with bursts of {@code burst}, as k6's url source limits its
 * requests to the secret server. Thread-safe; {@link #acquire()} sleeps until a request may go.
 */
final class RequestRate {

    private final long nanosPerToken;
    private final double burst;
    private double tokens;
    private long updated = System.nanoTime();

    RequestRate(long perMinute, long burst) {
        this.nanosPerToken = 60_000_000_000L / perMinute;
        this.burst = burst;
        this.tokens = burst;
    }

    void acquire() {
        long wait = reserve();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SecretSources.SecretException("interrupted while waiting for the url source's rate limit");
            }
        }
    }

    /** Takes a token, possibly one not there yet; returns the nanoseconds until it is. */
    private synchronized long reserve() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (double) (now - updated) / nanosPerToken);
        updated = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens * nanosPerToken);
    }
}
