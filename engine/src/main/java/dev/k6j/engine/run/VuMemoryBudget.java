package dev.k6j.engine.run;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Whether a number of VUs fits in the JVM's heap, so a run refuses what can't fit instead of growing until the
 * machine is out of memory, and warns before VUs are initialized when they will take most of it.
 *
 * <p>The estimate is {@link #BYTES_PER_VU} per VU, or what the first VUs of a large run really took when that is
 * more ({@link #measureFirstVus}): a script that loads big data per VU costs more than the constant says. With
 * {@code --no-vu-memory-check} the refusal becomes a warning.
 *
 * <p>Threads: the checks run on the thread that plans or initializes VUs; the measurement is synchronized.
 */
final class VuMemoryBudget {

    /**
     * Heap one running VU keeps: its GraalJS context with k6's globals and modules (about 100 KB once its init
     * code ran, measured with {@code k6/http} imported, JDK 25, interpreter), and as much again for what a running
     * VU adds (its thread's stack while it waits, connections, buffers). Retune here when VUs get lighter or heavier.
     */
    static final long BYTES_PER_VU = 256 * 1024;
    /** The share of the heap VUs may take; the rest is for the engine, samples in flight and garbage. */
    static final double VU_SHARE = 0.8;
    /** Runs with at least this many VUs to initialize measure what their first VUs took. */
    static final long MEASURED_FROM = 1_000;
    /** How many VUs the measurement covers: enough to average out, few enough to come early. */
    static final long SAMPLE = 100;
    private static final String REMEDY = "lower the VUs, give the JVM more heap with K6J_JAVA_OPTS=-Xmx…, or run "
            + "anyway with --no-vu-memory-check";
    /** A warning comes when the VUs are expected to take more than this share of what they may take. */
    private static final double WARN_SHARE = 0.5;

    private final long maxHeap;
    private final boolean insist;
    private final Consumer<String> warn;
    private final LongSupplier heapAfterGc;
    private long bytesPerVu = BYTES_PER_VU;
    private long heapBefore = -1;

    /**
     * @param maxHeap the heap the JVM may grow to ({@code Runtime.maxMemory()})
     * @param insist  {@code --no-vu-memory-check}: warn instead of refusing
     * @param warn    where warnings go
     */
    VuMemoryBudget(long maxHeap, boolean insist, Consumer<String> warn) {
        this(maxHeap, insist, warn, VuMemoryBudget::heapAfterGc);
    }

    /** @param heapAfterGc the heap in use after a full GC (the JVM's, or a test's figures) */
    VuMemoryBudget(long maxHeap, boolean insist, Consumer<String> warn, LongSupplier heapAfterGc) {
        this.maxHeap = maxHeap;
        this.insist = insist;
        this.warn = warn;
        this.heapAfterGc = heapAfterGc;
    }

    /** The budget of this JVM. */
    static VuMemoryBudget ofThisJvm(boolean insist, Consumer<String> warn) {
        return new VuMemoryBudget(Runtime.getRuntime().maxMemory(), insist, warn);
    }

    /** How many VUs fit at the current estimate. */
    long fits() {
        return (long) (maxHeap * VU_SHARE) / bytesPerVu;
    }

    /**
     * Refuses (exit code 104) a run of {@code vus} VUs that can't fit, or warns when they will take most of the
     * heap (or won't fit, but the user insisted).
     */
    void check(long vus) {
        if (vus > fits()) {
            String problem = vus + " VUs won't fit in the JVM's " + size(maxHeap) + " heap: at about "
                    + size(bytesPerVu) + " each they need " + size(multiply(vus, bytesPerVu)) + ", and at most "
                    + fits() + " fit";
            if (!insist) {
                refuse(problem + "; " + REMEDY);
            }
            warn.accept(problem + "; running anyway, as --no-vu-memory-check asks");
        } else if (vus > fits() * WARN_SHARE) {
            warn.accept(vus + " VUs will take about " + size(multiply(vus, bytesPerVu)) + " of the JVM's "
                    + size(maxHeap) + " heap (" + size(bytesPerVu) + " each); if the run fails for memory, give the "
                    + "JVM more with K6J_JAVA_OPTS=-Xmx…");
        }
    }

    /**
     * Why {@code added} more VUs beside {@code existing} ones don't fit, or {@code null} when they do (or the user
     * insisted). For the REST API, which must answer with the reason.
     */
    String refusal(long added, long existing) {
        long total = added + existing;
        if (insist || total <= fits()) {
            return null;
        }
        return total + " VUs won't fit in the JVM's " + size(maxHeap) + " heap: at about " + size(bytesPerVu)
                + " each they need " + size(multiply(total, bytesPerVu)) + ", and at most " + fits() + " fit";
    }

    private void refuse(String message) {
        throw new K6jException(ExitCode.INVALID_CONFIG, message);
    }

    /**
     * Measures what VUs really take, for a run of {@code count} VUs: called before the first is initialized
     * ({@code initialized} 0) and after each; after {@link #SAMPLE} of them, a larger cost than the constant
     * replaces it, and the whole run is checked again, so a run that can't fit stops early with the reason. Small
     * runs are not measured (the measurement collects garbage twice).
     */
    synchronized void measureFirstVus(long count, long initialized) {
        if (count < MEASURED_FROM) {
            return;
        }
        if (initialized == 0) {
            heapBefore = heapAfterGc.getAsLong();
        } else if (initialized == SAMPLE && heapBefore >= 0) {
            long perVu = (heapAfterGc.getAsLong() - heapBefore) / SAMPLE;
            if (perVu > bytesPerVu) {
                bytesPerVu = perVu;
                String refusal = refusal(count, 0);
                if (refusal != null) {
                    refuse("the first " + SAMPLE + " VUs took " + size(perVu) + " each: " + refusal + "; " + REMEDY);
                }
                check(count);
            }
        }
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code 256 KB}, {@code 1.5 GB}. */
    static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than any heap";
        }
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value,
                units[unit]);
    }
}
