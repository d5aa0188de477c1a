package dev.k6j.modules.websockets;

import dev.k6j.spi.EventLoop;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one socket's events on its VU's thread, in order, and keeps the VU's iteration alive until the socket is
 * {@link #close() closed}. The SPI's callbacks are one-shot, so this holds one registered callback at a time: the
 * first event completes it, and the VU thread registers the next one before running the queued events (the
 * pattern of k6's task queue).
 *
 * <p>Threads: {@link #execute} from any thread; the constructor and {@link #close()} on the VU's thread.
 */
final class VuTasks implements Executor {

    private final EventLoop loop;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    /** True while the current callback has been completed and its drain has not started. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile EventLoop.Callback slot;
    private boolean closed;

    VuTasks(EventLoop loop) {
        this.loop = loop;
        this.slot = loop.register();
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        if (scheduled.compareAndSet(false, true)) {
            slot.complete(this::drain);
        }
    }

    /** No more events: lets the iteration end. Events still queued or arriving later are dropped. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        if (scheduled.compareAndSet(false, true)) {
            slot.cancel();
        }
    }

    private void drain() {
        if (closed) {
            return; // stays "scheduled" for good: nothing completes a callback again
        }
        slot = loop.register();
        scheduled.set(false);
        Runnable task;
        while (!closed && (task = queue.poll()) != null) {
            task.run();
        }
    }
}
