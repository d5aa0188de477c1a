package dev.k6j.engine.vu;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.eventloop.Timers;
import dev.k6j.engine.eventloop.VuEventLoop;
import dev.k6j.engine.js.InitStage;
import dev.k6j.engine.js.JsConvert;
import dev.k6j.engine.js.ModuleShims;
import dev.k6j.engine.js.ScriptErrors;
import dev.k6j.engine.js.ScriptFileSystem;
import dev.k6j.engine.loader.RemoteModuleException;
import dev.k6j.engine.modules.web.WebGlobals;
import dev.k6j.spi.EventLoop;
import dev.k6j.spi.Exports;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.MetricRegistry;
import dev.k6j.spi.PromiseHandle;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TestRun;
import dev.k6j.spi.Vu;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * One virtual user: a GraalJS context with k6's globals and the script evaluated in it, its event loop, and
 * its state.
 *
 * <p>Threads: a VU is used by one thread at a time, the one that holds it (its executor's thread); only
 * {@link #interrupt()} and {@link #emit} may be called from others.
 */
public final class VirtualUser implements Vu, AutoCloseable {

    private static final Source GLOBALS = loadGlue("globals.js");

    /** An import of a URL whose scheme k6 refuses (GraalJS stops {@code http://} before the file system sees it). */
    private static final java.util.regex.Pattern FOREIGN_SCHEME_IMPORT = java.util.regex.Pattern.compile(
            "Error reading module '(([a-zA-Z][a-zA-Z0-9+.-]*)://[^']*)'");

    private static final java.util.regex.Pattern UNKNOWN_IMPORT = java.util.regex.Pattern.compile(
            "Error reading module '([^']+)'.*: " + java.util.regex.Pattern.quote(ScriptFileSystem.UNKNOWN_MODULE));

    private final VuEnvironment env;
    private final VuStateImpl state;
    private final InitStage initStage;
    private final Map<String, Exports> moduleExports = new HashMap<>();
    private final System.Logger logger;
    private volatile Context context;
    private JsConvert convert;
    private VuEventLoop loop;
    private Timers timers;
    private Value thrower;
    private Value promiseKit;
    private Value namespace;
    private String setupDataJson;
    private Value setupDataValue;
    private Map<String, String> scenarioEnv = Map.of();
    private Map<String, String> appliedEnv = Map.of();
    private volatile boolean interrupted;
    private volatile Thread runningThread;
    private volatile Thread interrupter;

    public VirtualUser(VuEnvironment env, long id) {
        this(env, id, id);
    }

    /**
     * @param id       the VU's number in this instance ({@code __VU}, {@code exec.vu.idInInstance})
     * @param idInTest its number across all instances of a segmented test ({@code exec.vu.idInTest})
     */
    public VirtualUser(VuEnvironment env, long id, long idInTest) {
        this.env = env;
        this.state = new VuStateImpl(id, idInTest, env.testTags(), env.systemTags());
        this.initStage = new InitStage(state::inInitStage);
        this.logger = new ConsoleLogger("k6j.vu." + id, env.console(), id);
    }

    /**
     * Creates the context and runs the script's init code (its top level). Script errors become a
     * {@link K6jException} with exit code 107 and the error's location.
     */
    public void init() {
        runningThread = Thread.currentThread();
        context = env.runtime().newContext(env.script().directory(), env.script().sources(), this::moduleSource,
                initStage);
        context.enter();
        try {
            if (interrupted) {
                throw initInterrupted();
            }
            convert = new JsConvert(context);
            loop = new VuEventLoop(this::createPromise);
            timers = new Timers(loop, env.timers());
            Value helpers = context.eval(GLOBALS).execute(new VuGlobals(this, env, timers), ModuleShims.LOADER_GLOBAL);
            thrower = helpers.getMember("thrower");
            promiseKit = helpers.getMember("promiseKit");
            WebGlobals.install(this);
            namespace = context.eval(env.script().source());
            loop.runUntilIdle();
        } catch (PolyglotException e) {
            throw interrupted && (e.isInterrupted() || e.isCancelled()) ? initInterrupted() : scriptInitError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw initInterrupted();
        } finally {
            state.leaveInit();
            context.leave();
            runningThread = null;
            awaitInterrupter();
        }
    }

    private K6jException initInterrupted() {
        return new K6jException(ExitCode.EXTERNAL_ABORT, "interrupted while initializing VU " + state.id());
    }

    private K6jException scriptInitError(PolyglotException e) {
        if (e.isHostException() && e.asHostException() instanceof K6jException k6j) {
            return k6j;
        }
        // GraalJS reports the file system's NoSuchFileException only in its message.
        java.util.regex.Matcher unknown = UNKNOWN_IMPORT.matcher(String.valueOf(e.getMessage()));
        if (unknown.find()) {
            return env.modules().unknownModule(unknown.group(1));
        }
        java.util.regex.Matcher foreign = FOREIGN_SCHEME_IMPORT.matcher(String.valueOf(e.getMessage()));
        if (foreign.find() && !foreign.group(2).equalsIgnoreCase("https") && !foreign.group(2).equalsIgnoreCase("file")) {
            return new K6jException(ExitCode.SCRIPT_EXCEPTION, "only supported schemes for imports are file and https, "
                    + foreign.group(1) + " has `" + foreign.group(2) + "`");
        }
        // A remote module that could not be fetched: k6's one line naming the URL and the cause.
        RemoteModuleException remote = env.script().sources().remoteFailure();
        if (remote != null && String.valueOf(e.getMessage()).contains(remote.url().toString())) {
            return new K6jException(ExitCode.SCRIPT_EXCEPTION, remote.getMessage());
        }
        String where = e.isSyntaxError() ? "script syntax error: " : "script error in init code: ";
        return K6jException.scriptError(where + ScriptErrors.describe(e), e);
    }

    /** The script's module namespace (its exports). */
    public Value namespace() {
        return namespace;
    }

    /** An exported function of the script, if there is one with that name. */
    public Optional<Value> exportedFunction(String name) {
        Value value = namespace.getMember(name);
        return value != null && value.canExecute() ? Optional.of(value) : Optional.empty();
    }

    /** Runs code on this VU's context from the current thread (which must hold the VU). */
    public <T> T inContext(java.util.function.Supplier<T> body) {
        runningThread = Thread.currentThread();
        context.enter();
        try {
            return body.get();
        } finally {
            context.leave();
            runningThread = null;
            awaitInterrupter();
        }
    }

    /**
     * Calls a script function and runs the event loop until it settled and nothing is pending. Returns the
     * function's result, or the promise's value for async functions.
     *
     * @throws PolyglotException    the script's error
     * @throws InterruptedException if the VU was interrupted
     */
    public Value callAndWait(Value function, Object... args) throws InterruptedException {
        Value result = function.execute(args);
        // Most default functions return undefined: no need to ask JavaScript whether that is a promise.
        if (result.isNull() || !result.hasMembers() || !convert.isPromise(result)) {
            loop.runUntilIdle();
            return result;
        }
        Value[] settled = new Value[2];
        result.invokeMember("then",
                (ProxyExecutable) a -> { settled[0] = a.length > 0 ? a[0] : null; return null; },
                (ProxyExecutable) a -> { settled[1] = a.length > 0 ? a[0] : context.asValue("rejected"); return null; });
        loop.runUntilIdle();
        if (settled[1] != null) {
            thrower.execute(settled[1]);
        }
        return settled[0];
    }

    /** The setup data as this VU's own copy, parsed once and reused across its iterations (as in k6). */
    public Value setupData(String json) {
        if (!json.equals(setupDataJson)) {
            setupDataValue = convert.parseJson(json);
            setupDataJson = json;
        }
        return setupDataValue;
    }

    /**
     * Moves the VU into a scenario for its next iteration: the scenario's state and tags apply to later samples,
     * and its {@code env} is merged into {@code __ENV}. Called on the thread holding the VU, outside its context.
     */
    public void enterScenario(dev.k6j.spi.ScenarioState scenario, dev.k6j.spi.TagSet tags,
                              Map<String, String> scenarioEnvironment) {
        state.enterScenario(scenario, tags);
        this.scenarioEnv = scenarioEnvironment;
    }

    /** Prepares the next iteration: counters, {@code __ITER}, the scenario's {@code __ENV}. */
    public void beginIteration() {
        state.nextIteration();
        state.setGroup("");
        interrupted = false;
        if (!scenarioEnv.equals(appliedEnv)) {
            // As k6 does on activation: __ENV is the test's environment with the scenario's env on top.
            Map<String, String> merged = new java.util.LinkedHashMap<>(env.environment());
            merged.putAll(scenarioEnv);
            context.getBindings("js").putMember("__ENV", convert.toJs(merged));
            appliedEnv = scenarioEnv;
        }
    }

    /** Forgets pending callbacks and timers after an interrupted or failed iteration. */
    public void resetEventLoop() {
        timers.clearAll();
        loop.reset();
    }

    /**
     * Stops what this VU runs now: wakes it from sleeps and waits, and interrupts running JavaScript.
     * Any thread. The interrupted call ends with a {@link PolyglotException} whose {@code isInterrupted()} is true,
     * or an {@link InterruptedException}.
     */
    public void interrupt() {
        interrupted = true;
        Thread thread = runningThread;
        Context running = context;
        if (thread == null || running == null) {
            return; // no JavaScript running now; init() checks the flag before it evaluates the script
        }
        thread.interrupt();
        interrupter = Thread.ofPlatform().daemon().name("k6j-interrupt-vu-" + state.id()).start(() -> {
            try {
                running.interrupt(Duration.ofSeconds(10));
            } catch (Exception ignored) {
                // The VU left the script before the interrupt landed, or the context closed: nothing to stop.
            }
        });
    }

    /** An interrupt must not outlive the call it was meant for and land in the next one. */
    private void awaitInterrupter() {
        Thread pending = interrupter;
        if (pending != null) {
            try {
                pending.join(Duration.ofSeconds(11));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            interrupter = null;
        }
    }

    /** Whether {@link #interrupt()} was called since the iteration began. */
    public boolean interrupted() {
        return interrupted;
    }

    @Override
    public void close() {
        if (context != null) {
            if (timers != null) {
                timers.clearAll();
            }
            context.close(true);
        }
    }

    // ---- modules -------------------------------------------------------------------------------------------

    /**
     * The exports of a module for this VU, creating its instance the first time. VU thread only. Modules reach
     * each other from their JavaScript glue with {@code require('k6/…')}, not through this method.
     */
    Exports moduleExports(String name) {
        Exports exports = moduleExports.get(name);
        if (exports == null) {
            JsModule module = env.modules().get(name);
            if (module == null) {
                throw jsError("Error", env.modules().unknownModuleMessage(name));
            }
            exports = module.newInstance(this).exports();
            moduleExports.put(name, exports);
        }
        return exports;
    }

    private byte[] moduleSource(String name) {
        if (env.modules().get(name) == null) {
            return null;
        }
        return ModuleShims.utf8(name, moduleExports(name).named().keySet());
    }

    /** What the module shims re-export: {@code {default, named}}. VU thread only. */
    Object moduleObject(String name) {
        Exports exports = moduleExports(name);
        return ProxyObject.fromMap(Map.of("default", exports.defaultExport(), "named",
                ProxyObject.fromMap(new HashMap<>(exports.named()))));
    }

    // ---- Vu ------------------------------------------------------------------------------------------------

    @Override
    public Context context() {
        return context;
    }

    @Override
    public EventLoop eventLoop() {
        return loop;
    }

    /** The event loop with its engine-side operations. */
    public VuEventLoop loop() {
        return loop;
    }

    @Override
    public VuStateImpl state() {
        return state;
    }

    @Override
    public MetricRegistry metrics() {
        return env.metrics();
    }

    @Override
    public TestRun testRun() {
        return env.testRun();
    }

    @Override
    public void emit(List<Sample> samples) {
        env.sampleSink().accept(samples);
    }

    @Override
    public Value toJs(Object javaValue) {
        return convert.toJs(javaValue);
    }

    @Override
    public Object fromJs(Value jsValue) {
        return convert.fromJs(jsValue);
    }

    /** The converter of this VU's context. */
    public JsConvert convert() {
        return convert;
    }

    @Override
    public RuntimeException jsError(String errorType, String message) {
        try {
            thrower.execute(convert.newError(errorType, message));
        } catch (PolyglotException e) {
            return e;
        }
        return new IllegalStateException(message);
    }

    @Override
    public Path resolvePath(String path) {
        return VuGlobals.resolve(env.script().directory().toString(), path);
    }

    /** When this VU may load modules and read files: only while it initializes, as in k6. */
    public InitStage initStage() {
        return initStage;
    }

    /** {@inheritDoc} Only in the init stage, as every way into the file system ({@link InitStage}). */
    @Override
    public byte[] readFile(Path path) {
        if (!initStage.open()) {
            throw new UncheckedIOException(new java.nio.file.AccessDeniedException(path.toString(), null,
                    "files can only be read in the init stage (the script's top level), as in k6"));
        }
        try {
            // Read once per run (whichever VU gets there first) and kept for k6j archive.
            return env.script().sources().file(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public dev.k6j.spi.Console console() {
        long vuId = state.id();
        ConsoleLog log = env.console();
        return (level, message) -> log.log(level, vuId, message);
    }

    /** Where console output and engine messages of all VUs go. */
    public ConsoleLog consoleLog() {
        return env.console();
    }

    /** What all VUs share. */
    public VuEnvironment environment() {
        return env;
    }

    private PromiseHandle createPromise() {
        Value kit = promiseKit.execute();
        return new VuPromise(this, kit.getMember("promise"), kit.getMember("resolve"), kit.getMember("reject"),
                loop.register());
    }

    private static Source loadGlue(String name) {
        try (InputStream in = VirtualUser.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), "k6j-" + name)
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
