package dev.k6j.spi;

import org.graalvm.polyglot.Value;

/**
 * A JavaScript promise with its resolve and reject functions, made by {@link EventLoop#newPromise()}.
 * {@link #promise()} is for the VU thread; {@link #resolve} and {@link #reject} may be called from any
 * thread, once in total: they queue the settlement onto the VU's event loop.
 */
public interface PromiseHandle {

    /** The promise to return to the script. VU thread only. */
    Value promise();

    /** Resolves with a value; plain Java data is converted as {@link Vu#toJs(Object)} does. */
    void resolve(Object value);

    /** Rejects with an {@code Error} whose message is the throwable's message (or the value itself if not a Throwable). */
    void reject(Object reason);
}
