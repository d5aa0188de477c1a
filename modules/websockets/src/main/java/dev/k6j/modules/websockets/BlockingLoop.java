package dev.k6j.modules.websockets;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The event loop of one {@code ws.connect} call: k6's legacy API blocks the VU inside {@code connect} until the
 * socket closes, and runs the socket's events and timers there, on the VU's thread.
 *
 * <p>Threads: {@link #execute} from any thread; {@link #runUntil} on the VU's thread.
 */
final class BlockingLoop implements Executor {

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /**
     * Runs tasks as they come until {@code done} says so (checked after each task).
     *
     * @throws InterruptedException if the VU is being stopped
     */
    void runUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            tasks.take().run();
        }
    }
}
