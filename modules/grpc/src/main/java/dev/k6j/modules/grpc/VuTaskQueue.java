package dev.k6j.modules.grpc;

import dev.k6j.spi.EventLoop;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs tasks from any thread on one VU's thread, in order, and keeps the VU's iteration alive until {@link #close()}
 * (what k6's task queue does for a stream). It holds one registered event-loop callback at a time: the first task
 * that finds it spends it to schedule a drain, and the drain registers the next before running the queue.
 */
final class VuTaskQueue {

    private final EventLoop eventLoop;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicReference<EventLoop.Callback> pending = new AtomicReference<>();
    private volatile boolean closed;

    /** Call on the VU thread. */
    VuTaskQueue(EventLoop eventLoop) {
        this.eventLoop = eventLoop;
        pending.set(eventLoop.register());
    }

    /** Queues {@code task} to run on the VU thread. Any thread; dropped once the queue is closed. */
    void add(Runnable task) {
        if (closed) {
            return;
        }
        tasks.add(task);
        EventLoop.Callback callback = pending.getAndSet(null);
        if (callback != null) {
            callback.complete(this::drain);
        }
    }

    private void drain() {
        if (!closed) {
            pending.set(eventLoop.register());
        }
        Runnable task;
        while (!closed && (task = tasks.poll()) != null) {
            task.run();
        }
        if (closed) {
            release();
        }
    }

    /** Drops what is still queued and lets the iteration end. VU thread only. */
    void close() {
        closed = true;
        tasks.clear();
        release();
    }

    private void release() {
        EventLoop.Callback callback = pending.getAndSet(null);
        if (callback != null) {
            callback.cancel();
        }
    }
}
