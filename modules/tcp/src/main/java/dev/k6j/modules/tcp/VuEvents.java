package dev.k6j.modules.tcp;

import dev.k6j.spi.EventLoop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One socket's queue of work for its VU's thread (events, promise settlements), delivered in the order it was
 * posted, and the slot that keeps the iteration alive while the socket is in use.
 *
 * <p>{@link EventLoop.Callback}s are one-shot, and a socket delivers many events, so the queue holds one slot at a
 * time: posting completes it with a drain, and the drain (on the VU thread) registers the next slot before it runs
 * the queued work. Between {@link #keepAlive()} and {@link #release()} there is always a slot or a drain pending.
 *
 * <p>Threads: {@link #post} from any thread; the rest on the VU's thread.
 */
final class VuEvents {

    private final EventLoop loop;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private EventLoop.Callback slot;
    private boolean draining;
    private boolean alive;

    VuEvents(EventLoop loop) {
        this.loop = loop;
    }

    /** Keeps the iteration alive from now until {@link #release()}. VU thread. */
    void keepAlive() {
        synchronized (this) {
            alive = true;
            if (slot == null && !draining) {
                slot = loop.register();
            }
        }
    }

    /** Lets the iteration end once the queued work has run. VU thread. */
    void release() {
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

    /** Queues work for the VU thread. Any thread. Work posted while not kept alive is dropped. */
    void post(Runnable work) {
        EventLoop.Callback toComplete = null;
        synchronized (this) {
            if (slot == null && !draining) {
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

    /** Queues work for later on the VU thread even while not kept alive (an error before any connect). VU thread. */
    void postFromVu(Runnable work) {
        synchronized (this) {
            if (slot == null && !draining) {
                slot = loop.register();
            }
        }
        post(work);
    }

    private void drain() {
        List<Runnable> work;
        synchronized (this) {
            work = new ArrayList<>(queue);
            queue.clear();
            draining = false;
            if (alive) {
                slot = loop.register();
            }
        }
        for (Runnable task : work) {
            task.run();
        }
    }
}
