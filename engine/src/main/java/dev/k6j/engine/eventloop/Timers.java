package dev.k6j.engine.eventloop;

import dev.k6j.spi.EventLoop;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Value;

/**
 * {@code setTimeout}/{@code setInterval} of one VU. A pending timer keeps the iteration alive, as in k6.
 * The shared scheduler only queues callbacks; they run on the VU's thread.
 *
 * <p>Threads: all methods on the VU's thread.
 */
public final class Timers {

    private final VuEventLoop loop;
    private final ScheduledExecutorService scheduler;
    private final Map<Long, Timer> active = new HashMap<>();
    private long nextId = 1;

    private record Timer(ScheduledFuture<?> future, EventLoop.Callback registration, boolean periodic) {
    }

    public Timers(VuEventLoop loop, ScheduledExecutorService scheduler) {
        this.loop = loop;
        this.scheduler = scheduler;
    }

    public long setTimeout(Value callback, double delayMillis) {
        long id = nextId++;
        EventLoop.Callback registration = loop.register();
        ScheduledFuture<?> future = scheduler.schedule(() -> registration.complete(() -> {
            if (active.remove(id) != null) {
                callback.executeVoid();
            }
        }), micros(delayMillis), TimeUnit.MICROSECONDS);
        active.put(id, new Timer(future, registration, false));
        return id;
    }

    public long setInterval(Value callback, double periodMillis) {
        long id = nextId++;
        EventLoop.Callback registration = loop.register();
        long period = Math.max(1, micros(periodMillis));
        ScheduledFuture<?> future = scheduler.scheduleAtFixedRate(() -> loop.post(() -> {
            if (active.containsKey(id)) {
                callback.executeVoid();
            }
        }), period, period, TimeUnit.MICROSECONDS);
        active.put(id, new Timer(future, registration, true));
        return id;
    }

    public void clear(long id) {
        Timer timer = active.remove(id);
        if (timer == null) {
            return;
        }
        // A one-shot timer that already fired has its task queued; that task releases the registration.
        if (timer.future.cancel(false) || timer.periodic) {
            timer.registration.cancel();
        }
    }

    /** Cancels every timer (end of an interrupted iteration, VU shutdown). */
    public void clearAll() {
        active.values().forEach(timer -> timer.future.cancel(false));
        active.clear();
    }

    private static long micros(double millis) {
        return Math.max(0, Math.round(millis * 1000));
    }
}
