package dev.k6j.spi;

import java.time.Duration;
import java.util.Map;

/**
 * What a module may see and do of the whole test run. Thread-safe.
 */
public interface TestRun {

    /** The consolidated test options, as JSON-like data (maps, lists, strings, numbers, booleans). */
    Map<String, Object> options();

    /**
     * The test's TLS options, for modules that open TLS connections of their own (the engine's HTTP client
     * uses the same). Parsed on first use; a bad option throws {@link IllegalArgumentException} with a message
     * that names it.
     */
    TlsSettings tls();

    /** Time since the test started running (after init). */
    Duration elapsed();

    /** Stops the test now, like {@code exec.test.abort(reason)}: exit code 108. */
    void abort(String reason);

    /** Marks the test failed and lets it go on, like {@code exec.test.fail(reason)}: exit code 110. */
    void fail(String reason);

    /** VUs running an iteration now. */
    long vusActive();

    /** VUs initialized so far. */
    long vusInitialized();

    /** Iterations completed in this instance. */
    long iterationsCompleted();

    /** Iterations interrupted in this instance. */
    long iterationsInterrupted();
}
