package dev.k6j.spi;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls a flush task every period on its own daemon thread, and once more on {@link #stop()}.
 * Flushes never overlap. A flush that throws is logged and the next one still runs.
 */
public final class PeriodicFlusher {

    private static final System.Logger LOG = System.getLogger(PeriodicFlusher.class.getName());

    private final ScheduledExecutorService scheduler;
    private final Runnable flush;

    private PeriodicFlusher(Duration period, Runnable flush, String threadName) {
        this.flush = flush;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, period.toMillis());
        scheduler.scheduleWithFixedDelay(this::flushSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts flushing every {@code period}. */
    public static PeriodicFlusher start(Duration period, Runnable flush) {
        return new PeriodicFlusher(period, flush, "k6j-flusher");
    }

    /** Starts flushing every {@code period}, on a thread with the given name. */
    public static PeriodicFlusher start(Duration period, Runnable flush, String threadName) {
        return new PeriodicFlusher(period, flush, threadName);
    }

    /** Stops the schedule, waits for a running flush to end, then runs a last flush on the calling thread. */
    public void stop() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.log(System.Logger.Level.WARNING, "a flush did not finish within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushSafely();
    }

    private void flushSafely() {
        try {
            flush.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "flush failed: " + e.getMessage(), e);
        }
    }
}
