package dev.k6j.spi;

/**
 * The event loop of one VU. An iteration ends only when its function returned, its promise settled,
 * and no registered {@link Callback} is still pending.
 *
 * <pre>{@code
 * // on the VU thread, inside a host method:
 * PromiseHandle promise = vu.eventLoop().newPromise();
 * nettyChannel.writeAndFlush(msg).addListener(f -> {       // a Netty thread
 *     if (f.isSuccess()) promise.resolve(bytesWritten);       // safe from any thread
 *     else promise.reject(f.cause());
 * });
 * return promise.promise();
 * }</pre>
 */
public interface EventLoop {

    /**
     * Reserves a slot that keeps the current iteration alive until the returned callback is completed.
     * Call on the VU thread.
     */
    Callback register();

    /** Creates a pending JavaScript promise and registers a callback for it. Call on the VU thread. */
    PromiseHandle newPromise();

    /**
     * Runs {@code hook} on the VU thread whenever the loop drops its pending callbacks (after an interrupted or failed
     * iteration): a module then stops the work those callbacks served, such as open connections. Call on the VU
     * thread, once per module instance (hooks are kept for the VU's life). Does nothing by default.
     */
    default void addResetHook(Runnable hook) {
    }

    /** A one-shot handle: runs a task on the VU thread and releases the slot. */
    interface Callback {

        /**
         * Queues {@code task} to run on the VU thread and releases the slot afterwards. Any thread may call
         * this, exactly once. If the VU stopped meanwhile, the task is dropped.
         */
        void complete(Runnable task);

        /** Releases the slot without running anything. Any thread, at most once, instead of {@link #complete}. */
        default void cancel() {
            complete(() -> { });
        }
    }
}
