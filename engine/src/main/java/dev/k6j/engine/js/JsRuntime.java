package dev.k6j.engine.js;

import java.nio.file.Path;
import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The one GraalJS {@link Engine} of a test run, and the factory of VU contexts that share it (and with it the
 * parsed and compiled code). Thread-safe.
 */
public final class JsRuntime implements AutoCloseable {

    /** What scripts may touch of Java: only members marked {@code @HostAccess.Export}, plus proxies and buffers. */
    static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.EXPLICIT)
            .allowArrayAccess(true)
            .allowListAccess(true)
            .allowBufferAccess(true)
            .allowIterableAccess(true)
            .allowIteratorAccess(true)
            .build();

    private final Engine engine;

    public JsRuntime() {
        // VUs run on virtual threads, which Truffle labels experimental with the optimizing runtime; k6j chose
        // them knowingly (docs/runtime.md), so the warning is off. The option itself is experimental.
        this.engine = Engine.newBuilder("js")
                .allowExperimentalOptions(true)
                .option("engine.WarnInterpreterOnly", "false")
                .option("engine.WarnVirtualThreadSupport", "false")
                .build();
    }

    /**
     * Which JavaScript runtime is active: "optimizing (Graal JIT)" or "interpreter". The launcher enables the
     * optimizing runtime only when the Graal compiler matches the JDK; see docs/runtime.md.
     */
    public String mode() {
        return describeMode(engine.getImplementationName());
    }

    static String describeMode(String implementationName) {
        if ("Interpreted".equalsIgnoreCase(implementationName)) {
            String reason = System.getProperty("k6j.jsRuntimeReason");
            return "interpreter" + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
        }
        return "optimizing (" + implementationName + " JIT)";
    }

    /** Whether hot JavaScript gets compiled. */
    public boolean optimizing() {
        return !"Interpreted".equalsIgnoreCase(engine.getImplementationName());
    }

    /** A new context for one VU. Call on the thread that will own it. */
    public Context newContext(Path workingDirectory, Function<String, String> moduleSource) {
        return Context.newBuilder("js")
                .engine(engine)
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLookup(className -> false)
                .allowIO(IOAccess.newBuilder().fileSystem(new ScriptFileSystem(workingDirectory, moduleSource)).build())
                .option("js.esm-eval-returns-exports", "true")
                .option("js.console", "false")
                .option("js.print", "false")
                .option("js.load", "false")
                .option("js.graal-builtin", "false")
                .option("js.foreign-object-prototype", "true")
                // As in k6, a rejected promise nobody handles fails the iteration instead of vanishing.
                .option("js.unhandled-rejections", "throw")
                .build();
    }

    @Override
    public void close() {
        engine.close();
    }
}
