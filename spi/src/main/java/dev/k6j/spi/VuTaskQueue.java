package dev.k6j.spi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs work from any thread on one VU's thread, in the order it was posted, and keeps the VU's iteration alive
 * while it is in use: what a connection, a stream or a socket needs to deliver its events to the script (k6's task
 * queue). Make one per connection, on the VU thread.
 *
 * <pre>{@code
 * VuTaskQueue events = VuTaskQueue.keepingAlive(vu.eventLoop());   // the iteration waits for this socket
 * channel.pipeline().addLast(new Handler(message ->                 // a Netty thread
 *         events.execute(() -> onMessage.execute(message))));        // runs on the VU thread
 * ...
 * events.close();                                                    // on close: the iteration may end
 * }</pre>
 *
 * <p>{@link EventLoop.Callback}s are one-shot and a connection delivers many events, so the queue holds one
 * registered callback at a time: posting completes it with a drain, and the drain (on the VU thread) registers the
 * next before it runs the queued work.
 *
 * <p>Threads: {@link #execute} from any thread; the rest on the VU's thread.
 */
public final class VuTaskQueue implements Executor {

    private final EventLoop loop;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private EventLoop.Callback slot;
    private boolean draining;
    private boolean alive;
    private volatile boolean closed;

    /** A queue that does not keep the iteration alive until {@link #keepAlive()}. VU thread. */
    public VuTaskQueue(EventLoop loop) {
        this.loop = loop;
    }

    /** A queue that keeps the iteration alive from now until {@link #release()} or {@link #close()}. VU thread. */
    public static VuTaskQueue keepingAlive(EventLoop loop) {
        VuTaskQueue queue = new VuTaskQueue(loop);
        queue.keepAlive();
        return queue;
    }

    /** Keeps the iteration alive from now until {@link #release()}. VU thread. */
    public void keepAlive() {
        synchronized (this) {
            if (closed) {
                return;
            }
            alive = true;
            if (slot == null && !draining) {
                slot = loop.register();
            }
        }
    }

    /** Lets the iteration end once the work queued so far has run; later work is dropped. VU thread. */
    public void release() {
        EventLoop.Callback idle;
        synchronized (this) {
            alive = false;
            idle = draining ? null : slot;
            if (idle != null) {
                slot = null;
            }
        }
        if (idle != null) {
            idle.cancel();
        }
    }

    /** Drops the work still queued, and all work posted later, and lets the iteration end. VU thread. */
    public void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        release();
    }

    /** Queues work for the VU thread. Any thread. Dropped while the queue is released or closed. */
    @Override
    public void execute(Runnable work) {
        EventLoop.Callback toComplete = null;
        synchronized (this) {
            if (closed || (slot == null && !draining)) {
                return;
            }
            queue.add(work);
            if (!draining) {
                toComplete = slot;
                slot = null;
                draining = true;
            }
        }
        if (toComplete != null) {
            toComplete.complete(this::drain);
        }
    }

    /**
     * Queues work from the VU thread to run later there, keeping the iteration alive until it ran even while the
     * queue is released (an error to report before anything was opened). VU thread.
     */
    public void executeLater(Runnable work) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (slot == null && !draining) {
                slot = loop.register();
            }
        }
        execute(work);
    }

    private void drain() {
        List<Runnable> work;
        synchronized (this) {
            work = new ArrayList<>(queue);
            queue.clear();
            draining = false;
            if (alive && !closed) {
                slot = loop.register();
            }
        }
        for (Runnable task : work) {
            if (closed) {
                return;
            }
            task.run();
        }
    }
}
