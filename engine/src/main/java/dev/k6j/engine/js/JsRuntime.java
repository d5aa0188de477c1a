package dev.k6j.engine.js;

import dev.k6j.engine.loader.ScriptSources;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
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

    /** An engine being built on another thread for the next {@code new JsRuntime()}; see {@link #prepare()}. */
    private static final AtomicReference<Prepared> PREPARED = new AtomicReference<>();

    /** The engine, and the first context made and closed on it, which must be done before the engine closes. */
    private record Prepared(CompletableFuture<Engine> engine, CompletableFuture<Void> warmUp) {
    }

    private final Engine engine;
    private final CompletableFuture<Void> warmUp;

    public JsRuntime() {
        Prepared prepared = PREPARED.getAndSet(null);
        if (prepared != null) {
            try {
                this.engine = prepared.engine.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            this.warmUp = prepared.warmUp;
        } else {
            this.engine = newEngine();
            this.warmUp = CompletableFuture.completedFuture(null);
        }
    }

    /**
     * Starts building the engine on a background thread, and then a first context that is closed at once, so that
     * GraalJS's own start (its classes, its language, the first set of built-ins) runs on another core while the
     * CLI parses its arguments, finds the extensions and reads the script. The next {@code new JsRuntime()} takes
     * that engine, waiting for it if need be (not for the first context). For the k6j process's {@code main};
     * tests build their own.
     */
    public static void prepare() {
        Prepared prepared = new Prepared(new CompletableFuture<>(), new CompletableFuture<>());
        if (!PREPARED.compareAndSet(null, prepared)) {
            return;
        }
        Thread.ofPlatform().daemon().name("k6j-js-prepare").start(() -> {
            try {
                Engine engine = newEngine();
                prepared.engine.complete(engine);
                try (Context warmUp = newContext(engine, Path.of(""), ScriptSources.local(null), name -> null,
                        new InitStage(() -> true))) {
                    warmUp.eval("js", "0");
                }
            } catch (RuntimeException | Error e) {
                // The JsRuntime that takes the engine reports the failure; the first context was only a head start.
                prepared.engine.completeExceptionally(e);
            } finally {
                prepared.warmUp.complete(null);
            }
        });
    }

    private static Engine newEngine() {
        // VUs run on virtual threads, which Truffle labels experimental with the optimizing runtime; k6j chose
        // them knowingly (docs/runtime.md), so the warning is off. The option itself is experimental.
        return Engine.newBuilder("js")
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
    public Context newContext(Path workingDirectory, ScriptSources sources, Function<String, byte[]> moduleSource,
                              InitStage initStage) {
        return newContext(engine, workingDirectory, sources, moduleSource, initStage);
    }

    /** Every context of an engine is made with the same options, so that they share its parsed code. */
    private static Context newContext(Engine engine, Path workingDirectory, ScriptSources sources,
                                      Function<String, byte[]> moduleSource, InitStage initStage) {
        return Context.newBuilder("js")
                .engine(engine)
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLookup(className -> false)
                .allowIO(IOAccess.newBuilder()
                        .fileSystem(new ScriptFileSystem(workingDirectory, sources, moduleSource, initStage)).build())
                .allowExperimentalOptions(true)
                .option("js.esm-eval-returns-exports", "true")
                .option("js.console", "false")
                .option("js.print", "false")
                .option("js.load", "false")
                .option("js.graal-builtin", "false")
                .option("js.foreign-object-prototype", "true")
                // As in k6, a rejected promise nobody handles fails the iteration instead of vanishing.
                .option("js.unhandled-rejections", "throw")
                // Every VU builds its own set of built-ins, so the ones k6's JavaScript runtime does not have either
                // are left out: less memory and set-up per VU, and scripts see what they see in k6
                // (docs/performance.md, "VU footprint"). The `global` alias of globalThis is globals.js's, as it depends on
                // the compatibility mode.
                .option("js.intl-402", "false")
                .option("js.shared-array-buffer", "false")
                .option("js.atomics", "false")
                .option("js.regexp-static-result", "false")
                .option("js.global-arguments", "false")
                .option("js.java-package-globals", "false")
                .option("js.polyglot-builtin", "false")
                // k6's runtime has ECMAScript up to 2023 (findLast, toSorted, with) and none of the built-ins added
                // since (Object.groupBy, Promise.withResolvers, Set methods, iterator helpers, Float16Array):
                // 5.6 % less heap per context (77.2 → 72.9 KiB for 1,500 contexts).
                .option("js.ecmascript-version", "2023")
                // …but import attributes (`with { type: 'json' }`) stay: scripts use them to import JSON.
                .option("js.import-attributes", "true")
                .build();
    }

    @Override
    public void close() {
        warmUp.join();
        engine.close();
    }
}
