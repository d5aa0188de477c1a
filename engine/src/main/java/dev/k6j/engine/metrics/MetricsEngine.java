package dev.k6j.engine.metrics;

import dev.k6j.spi.MetricRegistry;
import dev.k6j.spi.Sample;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The metrics engine: VUs push batches of samples into a bounded queue; one ingester thread takes them in order,
 * adds every sample to its sinks (one per metric and sub-metric) and hands the batch to each listener (the outputs).
 * Thresholds and the summary read consistent {@link #snapshot() snapshots} of the sinks.
 *
 * <p>A push only enqueues: it never wakes the ingester, which drains the queue every millisecond or so (less often
 * while nothing arrives) and is woken only by {@link #flush()}, {@link #close()} or a full queue. Waking a thread per
 * request costs a system call each, more than the samples' bookkeeping itself at tens of thousands of requests a
 * second; thresholds and outputs work on seconds, so a millisecond's delay costs nothing.
 *
 * <pre>{@code
 * MetricsEngine engine = new MetricsEngine(registry, 1024);
 * engine.addListener(jsonOutput::addMetricSamples);
 * engine.setThresholds(thresholds);        // creates the sub-metric sinks thresholds need
 * engine.start();
 * // VU threads: engine.push(samples);
 * engine.flush();                          // everything pushed so far is in the sinks
 * ThresholdResults results = thresholds.evaluate(engine.snapshot(), elapsed);
 * engine.close();
 * }</pre>
 *
 * <p>Threads: {@link #addListener} and {@link #setThresholds} before {@link #start()}, from the thread that sets the
 * run up. {@link #push}, {@link #flush}, {@link #snapshot} from any thread. Listeners run on the ingester thread,
 * one batch at a time, in the order batches were queued. {@link #close()} once, after the VUs stopped.
 */
public final class MetricsEngine implements AutoCloseable {

    /** k6 always tracks this sub-metric (when the {@code expected_response} system tag is on) for the summary. */
    static final String EXPECTED_RESPONSE_SUBMETRIC = "http_req_duration{expected_response:true}";

    private static final System.Logger LOG = System.getLogger(MetricsEngine.class.getName());
    private static final Object STOP = new Object();
    /** The ingester's pause while the queue is busy, and the longest one while nothing arrives. */
    private static final long BUSY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long IDLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private record Batch(List<Sample> samples) {
    }

    private record FlushMarker(CountDownLatch done) {
    }

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final List<Consumer<List<Sample>>> listeners = new CopyOnWriteArrayList<>();
    private final ObservedMetrics observed;
    private final Object sinkLock = new Object();
    private final AtomicLong droppedAfterClose = new AtomicLong();
    private volatile Thread ingester;
    private volatile boolean closed;
    private volatile boolean stopped;

    /**
     * @param registry             the run's metrics (for thresholded metrics that have no samples yet)
     * @param queueCapacityBatches how many batches may wait before {@link #push} blocks
     */
    public MetricsEngine(MetricRegistry registry, int queueCapacityBatches) {
        if (queueCapacityBatches < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1 batch, not " + queueCapacityBatches);
        }
        this.capacity = queueCapacityBatches;
        this.observed = new ObservedMetrics(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Adds an output: it gets every batch, in order, on the ingester thread. A listener that throws is logged and
     * keeps getting later batches. Call before {@link #start()}.
     */
    public void addListener(Consumer<List<Sample>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Creates the sinks of the sub-metrics the thresholds name and marks their metrics observed, so they show in the
     * summary even without samples. Call before {@link #start()}.
     */
    public void setThresholds(Thresholds thresholds) {
        if (ingester != null) {
            throw new IllegalStateException("set thresholds before the metrics engine starts");
        }
        for (MetricKey key : thresholds.metricKeys()) {
            observed.defineSubmetric(key);
            observed.observe(key);
        }
    }

    /** Starts the ingester thread (a daemon). */
    public synchronized void start() {
        if (ingester != null) {
            throw new IllegalStateException("the metrics engine is already started");
        }
        observed.defineSubmetric(MetricKey.parse(EXPECTED_RESPONSE_SUBMETRIC));
        Thread thread = new Thread(this::ingest, "k6j-metrics-ingester");
        thread.setDaemon(true);
        ingester = thread;
        thread.start();
    }

    /**
     * Queues a batch of samples. Blocks while the queue is full (samples are never dropped, so sinks and outputs
     * see the same counts), even if the calling thread is interrupted; the interrupt is kept for the caller.
     * The list must not change after this call. Batches pushed after {@link #close()} (a VU straggling past the
     * end) are counted in {@link #droppedAfterClose()} and dropped.
     */
    public void push(List<Sample> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (closed || !putUntilStopped(new Batch(batch))) {
            droppedAfterClose.addAndGet(batch.size());
        }
    }

    /**
     * Waits until every batch pushed before this call has reached the sinks and the listeners. Called on the
     * ingester thread (from a listener) it returns at once; before {@link #start()}, it processes the queue itself.
     */
    public void flush() {
        Thread thread = ingester;
        if (Thread.currentThread() == thread || closed) {
            return;
        }
        if (thread == null || !thread.isAlive()) {
            drainHere();
            return;
        }
        FlushMarker marker = new FlushMarker(new CountDownLatch(1));
        if (!putUntilStopped(marker)) {
            return;
        }
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (true) {
            try {
                marker.done().await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A consistent copy of all sinks, taken between two samples; call after {@link #flush()} for exact numbers. */
    public MetricsSnapshot snapshot() {
        synchronized (sinkLock) {
            return observed.snapshot();
        }
    }

    /** How many samples were pushed after {@link #close()} and dropped. */
    public long droppedAfterClose() {
        return droppedAfterClose.get();
    }

    /**
     * Delivers everything queued, then stops the ingester thread. Later pushes are dropped. Idempotent; waits for the
     * ingester even if interrupted.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Thread thread = ingester;
        if (thread == null) {
            drainHere();
            return;
        }
        putUntilStopped(STOP);
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void ingest() {
        long pause = BUSY_PAUSE_NANOS;
        while (true) {
            Object item = take();
            if (item == null) {
                // Nothing queued: pause, longer and longer while it stays quiet. An interrupt from elsewhere only
                // cuts a pause short; only close() ends the ingester, so no sample is lost.
                LockSupport.parkNanos(this, pause);
                Thread.interrupted();
                pause = Math.min(pause * 2, IDLE_PAUSE_NANOS);
                continue;
            }
            pause = BUSY_PAUSE_NANOS;
            if (item == STOP) {
                stopped = true;
                dropLeftovers();
                return;
            }
            handle(item);
        }
    }

    private Object take() {
        Object item = queue.poll();
        if (item != null) {
            queued.decrementAndGet();
        }
        return item;
    }

    /** Batches that raced {@link #close()} into the queue behind the stop signal. */
    private void dropLeftovers() {
        Object item;
        while ((item = take()) != null) {
            if (item instanceof Batch batch) {
                droppedAfterClose.addAndGet(batch.samples().size());
            } else if (item instanceof FlushMarker marker) {
                marker.done().countDown();
            }
        }
    }

    private synchronized void drainHere() {
        Object item;
        while ((item = take()) != null) {
            if (item != STOP) {
                handle(item);
            }
        }
    }

    private void handle(Object item) {
        if (item instanceof FlushMarker marker) {
            marker.done().countDown();
        } else if (item instanceof Batch batch) {
            deliver(batch.samples());
        }
    }

    private void deliver(List<Sample> samples) {
        synchronized (sinkLock) {
            for (Sample sample : samples) {
                try {
                    observed.add(sample);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not aggregate a sample of " + sample.metric().name(), e);
                }
            }
        }
        for (Consumer<List<Sample>> listener : listeners) {
            try {
                listener.accept(samples);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a metrics output failed to take a batch of samples", e);
            }
        }
    }

    /**
     * Queues an item, waiting while the queue is full (the ingester is woken to make room); interrupts are
     * remembered, not obeyed, so no sample is lost. Returns false if the ingester stopped meanwhile (then nobody
     * would ever take the item).
     */
    private boolean putUntilStopped(Object item) {
        boolean interrupted = false;
        try {
            while (!stopped) {
                if (queued.incrementAndGet() <= capacity) {
                    queue.add(item);
                    return true;
                }
                queued.decrementAndGet();
                Thread thread = ingester;
                if (thread == null) {
                    drainHere();
                    continue;
                }
                LockSupport.unpark(thread);
                LockSupport.parkNanos(this, BUSY_PAUSE_NANOS);
                interrupted |= Thread.interrupted();
            }
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
