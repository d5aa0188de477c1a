package dev.k6j.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A module written as a JavaScript glue file over a per-VU Java host object: the glue gives the JavaScript-shaped
 * API (optional arguments, classes, getters, promises), the host does the work. The glue file, a resource beside
 * the subclass, holds one expression, {@code (function (host) { ...; return { exportName: value, ... }; })}; its
 * result is both the default export and, member by member, the named exports. k6j's own modules are written so.
 *
 * <pre>{@code
 * public final class GreetingModule extends GlueModule {
 *     public GreetingModule() { super("k6/x/greeting", List.of(), "greeting.js", Greeter::new); }
 * }   // Greeter(Vu) has @HostAccess.Export methods
 * // greeting.js: (function (host) { return { greet: (who = 'world') => host.greet(String(who)) }; })
 * }</pre>
 *
 * <p>The glue is parsed once per module object and shared by all VU contexts. Thread-safe.
 */
public abstract class GlueModule implements JsModule {

    private final String name;
    private final List<String> aliases;
    private final Source glue;
    private final Function<Vu, Object> hosts;

    /**
     * A module {@code name} whose glue is the resource {@code glueResource}, relative to the subclass; the subclass
     * overrides {@link #host(Vu)}.
     */
    protected GlueModule(String name, String glueResource) {
        this(name, List.of(), glueResource, null);
    }

    /** A module importable as {@code name} and each of {@code aliases}; the subclass overrides {@link #host(Vu)}. */
    protected GlueModule(String name, List<String> aliases, String glueResource) {
        this(name, aliases, glueResource, null);
    }

    /**
     * A module importable under {@code name} and each of {@code aliases}, whose host for a VU {@code hosts} makes
     * (a constructor reference such as {@code Greeter::new} will do).
     */
    protected GlueModule(String name, List<String> aliases, String glueResource, Function<Vu, Object> hosts) {
        this.name = name;
        this.aliases = List.copyOf(aliases);
        this.glue = load(glueResource);
        this.hosts = hosts;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> aliases() {
        return aliases;
    }

    /**
     * The Java object the glue calls, for one VU: by default what the constructor's {@code hosts} makes. Called on
     * the VU's thread, in the init stage.
     */
    protected Object host(Vu vu) {
        if (hosts == null) {
            throw new IllegalStateException(getClass().getName() + " gives no host: pass one to the constructor or"
                    + " override host(Vu)");
        }
        return hosts.apply(vu);
    }

    /**
     * Values exported beside what the glue returns, such as constants made in Java (then the default export is an
     * object holding all named exports). None by default.
     */
    protected Map<String, Object> constants() {
        return Map.of();
    }

    @Override
    public ModuleInstance newInstance(Vu vu) {
        Value exports = vu.context().eval(glue).execute(host(vu));
        Map<String, Object> named = new LinkedHashMap<>();
        for (String key : exports.getMemberKeys()) {
            named.put(key, exports.getMember(key));
        }
        Map<String, Object> constants = constants();
        named.putAll(constants);
        Exports result = constants.isEmpty() ? new Exports(exports, named) : Exports.of(named);
        return () -> result;
    }

    private Source load(String resource) {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing glue resource " + resource + " beside " + getClass().getName());
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "k6j-module-" + resource).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read glue resource " + resource, e);
        }
    }
}
