package dev.k6j.engine.js;

import dev.k6j.engine.loader.ScriptSources;
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
     * Which JavaScript runtime is active and why, for {@code k6j version} and the run banner: "interpreter (the
     * default with 2 CPUs; …)" or "optimizing (GraalVM CE JIT, engine mode latency; …)". The launcher picks the
     * runtime and says why in {@code -Dk6j.jsRuntimeReason}; see docs/runtime.md.
     */
    public String mode() {
        return describeMode(engine.getImplementationName(), System.getProperty("polyglot.engine.Mode"),
                System.getProperty("k6j.jsRuntimeReason"));
    }

    static String describeMode(String implementationName, String engineMode, String reason) {
        boolean hasReason = reason != null && !reason.isBlank();
        if ("Interpreted".equalsIgnoreCase(implementationName)) {
            return "interpreter" + (hasReason ? " (" + reason + ")" : "");
        }
        // GraalJS's engine.Mode: what the JIT compiles and how hard ("default" when nobody set it).
        String mode = engineMode == null || engineMode.isBlank() ? "default" : engineMode;
        return "optimizing (" + implementationName + " JIT, engine mode " + mode + (hasReason ? "; " + reason : "") + ")";
    }

    /** Whether hot JavaScript gets compiled. */
    public boolean optimizing() {
        return !"Interpreted".equalsIgnoreCase(engine.getImplementationName());
    }

    /**
     * A new context for one VU. Call on the thread that will own it.
     *
     * @param initStage when the VU may load modules and files ({@link ScriptFileSystem})
     */
    public Context newContext(Path workingDirectory, ScriptSources sources, Function<String, String> moduleSource,
                              InitStage initStage) {
        return Context.newBuilder("js")
                .engine(engine)
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLookup(className -> false)
                .allowIO(IOAccess.newBuilder()
                        .fileSystem(new ScriptFileSystem(workingDirectory, sources, moduleSource, initStage)).build())
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
