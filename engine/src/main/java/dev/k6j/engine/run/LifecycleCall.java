package dev.k6j.engine.run;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.js.ScriptErrors;
import dev.k6j.engine.vu.VirtualUser;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Calls {@code setup}, {@code teardown} or {@code handleSummary} on the service VU with a time limit, turning
 * script errors and time-outs into k6's exit codes.
 */
final class LifecycleCall {

    private LifecycleCall() {
    }

    /**
     * Runs {@code body} (which calls into the VU's context) on a fresh thread, waiting at most {@code timeout}.
     *
     * @param name            the function's name, for messages
     * @param timeoutExitCode the exit code of a time-out (100 setup, 101 teardown, 102 handleSummary)
     */
    static <T> T call(VirtualUser vu, String name, Duration timeout, ExitCode timeoutExitCode,
                      Function<VirtualUser, T> body) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().daemon().name("k6j-" + name).start(() -> {
            try {
                result.set(vu.inContext(() -> body.apply(vu)));
            } catch (PolyglotException e) {
                if (e.isInterrupted() || e.isCancelled()) {
                    failure.set(new K6jException(timeoutExitCode, name + "() was interrupted"));
                } else {
                    failure.set(K6jException.scriptError(name + "() failed: " + ScriptErrors.describe(e), e));
                }
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        if (!thread.join(timeout)) {
            vu.interrupt();
            thread.join(Duration.ofSeconds(10));
            throw new K6jException(timeoutExitCode, name + "() execution timed out after "
                    + Durations.format(timeout) + "; raise the limit with the " + name + "Timeout option");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** Calls an exported function and waits for its promise, converting interruption to an exception. */
    static Value callAndWait(VirtualUser vu, Value function, Object... args) {
        try {
            return vu.callAndWait(function, args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new K6jException(ExitCode.EXTERNAL_ABORT, "interrupted");
        }
    }
}
