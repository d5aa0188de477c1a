package dev.k6j.engine.run;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.vu.VirtualUser;
import java.util.Optional;
import org.graalvm.polyglot.Value;

/**
 * {@code setup()} before the scenarios and {@code teardown(data)} after them, on the service VU, in groups
 * {@code ::setup} and {@code ::teardown} as k6 tags them. Setup's result travels as JSON text, so every VU
 * gets its own copy.
 */
final class Lifecycle {

    private Lifecycle() {
    }

    /**
     * Whether any function will run on VU 0 after the init stage: setup and teardown when exported and not
     * disabled (--no-setup, --no-teardown), handleSummary when exported and the summary is on.
     */
    static boolean anyToRun(VirtualUser vu, TestOptions options) {
        return vu.inContext(() -> !options.noSetup() && vu.exportedFunction("setup").isPresent()
                || !options.noTeardown() && vu.exportedFunction("teardown").isPresent()
                || !options.noSummary() && vu.exportedFunction("handleSummary").isPresent());
    }

    /** Runs setup() if exported and not disabled; returns its result as JSON, or {@code null}. */
    static String setup(VirtualUser vu, TestOptions options, TestRunState testRun) throws InterruptedException {
        if (options.noSetup()) {
            return null;
        }
        Optional<Value> setup = vu.inContext(() -> vu.exportedFunction("setup"));
        if (setup.isEmpty()) {
            return null;
        }
        return LifecycleCall.call(vu, "setup", options.setupTimeout(), ExitCode.SETUP_TIMEOUT, v -> {
            v.state().setGroup("::setup");
            try {
                Value result = LifecycleCall.callAndWait(v, setup.get());
                if (result == null || result.isNull()) {
                    return null;
                }
                String json = v.convert().stringify(result);
                if (json == null) {
                    throw K6jException.scriptError("setup() returned a value that is not JSON data "
                            + "(a function or undefined); return plain objects, arrays, strings and numbers", null);
                }
                return json;
            } finally {
                v.state().setGroup("");
            }
        });
    }

    /** Runs teardown(data) if exported and not disabled. */
    static void teardown(VirtualUser vu, TestOptions options, TestRunState testRun, String setupData)
            throws InterruptedException {
        if (options.noTeardown()) {
            return;
        }
        Optional<Value> teardown = vu.inContext(() -> vu.exportedFunction("teardown"));
        if (teardown.isEmpty()) {
            return;
        }
        LifecycleCall.call(vu, "teardown", options.teardownTimeout(), ExitCode.TEARDOWN_TIMEOUT, v -> {
            v.state().setGroup("::teardown");
            try {
                if (setupData == null) {
                    LifecycleCall.callAndWait(v, teardown.get());
                } else {
                    LifecycleCall.callAndWait(v, teardown.get(), v.convert().parseJson(setupData));
                }
                return null;
            } finally {
                v.state().setGroup("");
            }
        });
    }
}
