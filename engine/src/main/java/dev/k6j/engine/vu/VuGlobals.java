package dev.k6j.engine.vu;

import dev.k6j.engine.eventloop.Timers;
import dev.k6j.engine.js.InitStage;
import dev.k6j.engine.loader.ScriptSources;
import dev.k6j.spi.format.JsonStrings;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The Java side of k6's globals ({@code console}, timers, {@code open}, {@code __ENV}, {@code require}) for one VU;
 * {@code globals.js} wraps it. Called on the VU's thread only.
 */
public final class VuGlobals {

    private final VirtualUser vu;
    private final VuEnvironment env;
    private final Timers timers;

    VuGlobals(VirtualUser vu, VuEnvironment env, Timers timers) {
        this.vu = vu;
        this.env = env;
        this.timers = timers;
    }

    @HostAccess.Export
    public void log(String level, String message) {
        env.console().logConsole(level, vu.state().id(), message);
    }

    @HostAccess.Export
    public long setTimeout(Value callback, double delayMillis) {
        return timers.setTimeout(callback, delayMillis);
    }

    @HostAccess.Export
    public long setInterval(Value callback, double periodMillis) {
        return timers.setInterval(callback, periodMillis);
    }

    @HostAccess.Export
    public void clearTimer(double id) {
        timers.clear((long) id);
    }

    /** {@code open(path, mode)}: the file's text, or an ArrayBuffer with mode {@code "b"}; init stage only. */
    @HostAccess.Export
    public Value open(String path, String mode) {
        requireInitStage("open");
        if (!mode.isEmpty() && !mode.equals("b")) {
            throw vu.jsError("TypeError", "open(): unknown mode '" + mode + "', use 'b' for binary or leave it out");
        }
        byte[] content = readFile(vu.resolvePath(path));
        return mode.equals("b") ? vu.toJs(content) : vu.context().asValue(new String(content, StandardCharsets.UTF_8));
    }

    /** {@code __ENV} as a JSON object, which the glue parses when the script first reads it. */
    @HostAccess.Export
    public String environmentJson() {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> variable : env.environment().entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            JsonStrings.append(json, variable.getKey(), false);
            json.append(':');
            JsonStrings.append(json, variable.getValue(), false);
        }
        return json.append('}').toString();
    }

    /** What a module shim re-exports: {@code {default, named}} of the module's exports in this VU. */
    @HostAccess.Export
    public Object module(String name) {
        return vu.moduleObject(name);
    }

    @HostAccess.Export
    public long iteration() {
        return vu.state().iteration();
    }

    @HostAccess.Export
    public long vuId() {
        return vu.state().id();
    }

    /** Whether {@code global} is an alias of {@code globalThis}: k6's default "extended" compatibility mode. */
    @HostAccess.Export
    public boolean globalAlias() {
        return !"base".equals(env.script().compatibilityMode());
    }

    @HostAccess.Export
    public String scriptDirectory() {
        return env.script().directory().toString();
    }

    /** k6's error when {@code function} ({@code open}, {@code require}) is called after the init stage. */
    @HostAccess.Export
    public void requireInitStage(String function) {
        if (!vu.initStage().open()) {
            throw vu.jsError("Error", InitStage.outsideMessage(function));
        }
    }

    @HostAccess.Export
    public Object requireModule(String name) {
        return vu.moduleExports(name).defaultExport();
    }

    @HostAccess.Export
    public String resolvePath(String directory, String specifier) {
        Path resolved = resolve(directory, specifier);
        ScriptSources sources = env.script().sources();
        if (!sources.isFile(resolved) && !specifier.endsWith(".js") && sources.isFile(Path.of(resolved + ".js"))) {
            return resolved + ".js";
        }
        return resolved.toString();
    }

    @HostAccess.Export
    public String dirname(String path) {
        Path parent = Path.of(path).getParent();
        return parent == null ? "/" : parent.toString();
    }

    /** Compiles a CommonJS file as a function of (module, exports, require, __filename, __dirname). */
    @HostAccess.Export
    public Value commonJs(String path) {
        String text = new String(readFile(Path.of(path)), StandardCharsets.UTF_8);
        // The wrapper stays on the file's first line, so line numbers in errors match the file.
        Source source = Source.newBuilder("js",
                "(function (module, exports, require, __filename, __dirname) {" + text + "\n})", path).buildLiteral();
        return vu.context().eval(source);
    }

    /** {@code path} (relative, absolute or {@code file://}) resolved against {@code directory}. */
    static Path resolve(String directory, String path) {
        String cleaned = path.startsWith("file://") ? path.substring("file://".length()) : path;
        return Path.of(directory).resolve(cleaned).normalize();
    }

    /** The file through the run's cache ({@link VirtualUser#readFile}), its failure as a JavaScript error. */
    private byte[] readFile(Path path) {
        try {
            return vu.readFile(path);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw vu.jsError("Error", "open " + path + ": no such file or directory");
            }
            throw vu.jsError("Error", "open " + path + ": " + e.getCause().getMessage());
        }
    }
}
