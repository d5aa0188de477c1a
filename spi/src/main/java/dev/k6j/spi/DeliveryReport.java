package dev.k6j.spi;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an output was given, what it delivered and what failed, and why: counted while the test runs, told at the
 * end by {@link BufferedOutput}. An output with more to say (samples refused, replaced, not encodable) extends it.
 *
 * <p>Threads: every method from any thread (a delivery thread, a client's I/O thread).
 */
public class DeliveryReport {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    /** Counts samples the engine gave the output. */
    public void received(long samples) {
        received.addAndGet(samples);
    }

    /** Counts samples that reached the destination. */
    public void delivered(long samples) {
        delivered.addAndGet(samples);
    }

    /**
     * Counts a failure and remembers its reason; {@code samples} is how many it lost for good (0 when they are
     * tried again later).
     */
    public void failed(long samples, String reason) {
        failed.addAndGet(samples);
        failures.incrementAndGet();
        lastFailure.set(reason);
    }

    public long received() {
        return received.get();
    }

    public long delivered() {
        return delivered.get();
    }

    /** Samples lost to failures. */
    public long failed() {
        return failed.get();
    }

    /** How many failures were reported, lost samples or not. */
    public long failures() {
        return failures.get();
    }

    /** The reason of the last failure, or {@code null}. */
    public String lastFailure() {
        return lastFailure.get();
    }

    /** Whether the output was given samples and none of them arrived: the test's results went nowhere. */
    public boolean deliveredNothing() {
        return received() > 0 && delivered() == 0;
    }

    /** A count as the closing lines write it: {@code 12,400}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
