package dev.k6j.engine.eventloop;

import dev.k6j.spi.EventLoop;
import dev.k6j.spi.PromiseHandle;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One VU's event loop: a queue of tasks that only the VU's thread runs, and a count of registered callbacks
 * that keep the current iteration alive.
 *
 * <p>Threads: {@link #register()}, {@link #runUntilIdle()} and {@link #reset()} on the VU's thread;
 * {@link Callback#complete} and {@link #post} from any thread.
 */
public final class VuEventLoop implements EventLoop {

    private final LinkedBlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Supplier<PromiseHandle> promiseFactory;
    private final java.util.List<Runnable> resetHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int generation;

    public VuEventLoop(Supplier<PromiseHandle> promiseFactory) {
        this.promiseFactory = promiseFactory;
    }

    private record Task(int generation, Runnable body, boolean releases) {
    }

    @Override
    public Callback register() {
        pending.incrementAndGet();
        int registeredIn = generation;
        AtomicBoolean done = new AtomicBoolean();
        return task -> {
            if (!done.compareAndSet(false, true)) {
                throw new IllegalStateException("an event loop callback was completed twice");
            }
            tasks.add(new Task(registeredIn, task, true));
        };
    }

    @Override
    public PromiseHandle newPromise() {
        return promiseFactory.get();
    }

    /** Queues a task without releasing any registration (for repeating timers). Any thread. */
    public void post(Runnable task) {
        tasks.add(new Task(generation, task, false));
    }

    /**
     * Runs queued tasks until nothing is pending. An exception from a task (an uncaught error in a callback)
     * ends the loop and propagates.
     *
     * @throws InterruptedException if the VU's thread is interrupted while waiting
     */
    public void runUntilIdle() throws InterruptedException {
        while (true) {
            Task task = tasks.poll();
            if (task == null) {
                if (pending.get() <= 0) {
                    return;
                }
                task = tasks.take();
            }
            if (task.generation != generation) {
                continue;
            }
            try {
                task.body.run();
            } finally {
                if (task.releases) {
                    pending.decrementAndGet();
                }
            }
        }
    }

    /** Forgets everything pending, after an interrupted or failed iteration. Late completions are dropped. */
    public void reset() {
        generation++;
        pending.set(0);
        tasks.clear();
        resetHooks.forEach(Runnable::run);
    }

    /**
     * Runs {@code hook} on every {@link #reset()}: a module that started work whose callbacks are now dropped (an
     * async request of an interrupted iteration) stops it there. VU thread.
     */
    public void addResetHook(Runnable hook) {
        resetHooks.add(hook);
    }

    /** How many callbacks are registered and not yet run. */
    public int pending() {
        return pending.get();
    }
}
