package dev.k6j.engine.vu;

import dev.k6j.spi.EventLoop;
import dev.k6j.spi.PromiseHandle;
import org.graalvm.polyglot.Value;

/** A pending promise whose settlement is queued onto its VU's event loop. */
final class VuPromise implements PromiseHandle {

    private final VirtualUser vu;
    private final Value promise;
    private final Value resolveFn;
    private final Value rejectFn;
    private final EventLoop.Callback callback;

    VuPromise(VirtualUser vu, Value promise, Value resolveFn, Value rejectFn, EventLoop.Callback callback) {
        this.vu = vu;
        this.promise = promise;
        this.resolveFn = resolveFn;
        this.rejectFn = rejectFn;
        this.callback = callback;
    }

    @Override
    public Value promise() {
        return promise;
    }

    @Override
    public void resolve(Object value) {
        callback.complete(() -> resolveFn.execute(vu.toJs(value)));
    }

    @Override
    public void reject(Object reason) {
        callback.complete(() -> {
            if (reason instanceof Throwable t) {
                String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                rejectFn.execute(vu.convert().newError("Error", message));
            } else {
                rejectFn.execute(vu.toJs(reason));
            }
        });
    }
}
