package dev.k6j.spi;

import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * What a module may touch of the virtual user (VU) it serves.
 *
 * <p>Threads: every method except {@link #emit} must be called on the VU's own thread. Hand work from
 * other threads back with {@link EventLoop#register()}.
 */
public interface Vu {

    /** The VU's GraalJS context. Owned by the VU's thread; never enter it from another thread. */
    Context context();

    /** The VU's event loop, through which async work completes. */
    EventLoop eventLoop();

    /** Identity, iteration, scenario and tags of this VU. */
    VuState state();

    /** The test run's metrics; modules register their metrics here (usually once, in the module). */
    MetricRegistry metrics();

    /** Control over the whole test run: options, abort, fail. */
    TestRun testRun();

    /** Sends samples to the metrics pipeline. Thread-safe; never blocks for long. */
    void emit(List<Sample> samples);

    /** Sends one sample to the metrics pipeline. Thread-safe. */
    default void emit(Sample sample) {
        emit(List.of(sample));
    }

    /**
     * Converts plain Java data into a JavaScript value of this VU's context: {@code Map} becomes an
     * object, {@code List} and arrays become arrays, {@code byte[]} becomes an ArrayBuffer, numbers,
     * strings, booleans and {@code null} stay themselves, anything else is passed as a host object.
     */
    Value toJs(Object javaValue);

    /**
     * Converts a JavaScript value to plain Java data: objects to {@code Map<String, Object>} (in key order),
     * arrays to {@code List<Object>}, numbers to {@code Double} or {@code Long}, ArrayBuffers to {@code byte[]}.
     */
    Object fromJs(Value jsValue);

    /**
     * Makes a JavaScript {@code Error} (or a subtype such as {@code TypeError}) to throw from a host method,
     * so the script can catch it with its message: {@code throw vu.jsError("TypeError", "bad port");}.
     */
    RuntimeException jsError(String errorType, String message);

    /**
     * A file path as {@code open()} resolves it: relative paths against the main script's folder, absolute
     * paths and {@code file://} URLs as they are. For modules that read files a script names (e.g. .proto files).
     */
    Path resolvePath(String path);

    /**
     * The bytes of a file, read from disk once per test run and then shared by every VU (the cache
     * {@code open()} uses). Thread-safe. Throws {@link java.io.UncheckedIOException} when it cannot be read.
     */
    byte[] readFile(Path path);

    /** The VU's logger; messages carry the VU's id. */
    System.Logger logger();

    /**
     * Where the script's {@code console.*} writes, for a module that reports to the user as the script would
     * ({@code WARN[0003] [VU 2] message}). Thread-safe. By default it writes through {@link #logger()}.
     */
    default Console console() {
        System.Logger logger = logger();
        return (level, message) -> logger.log(Console.loggerLevel(level), message);
    }
}
