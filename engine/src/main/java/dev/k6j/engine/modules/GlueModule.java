package dev.k6j.engine.modules;

import dev.k6j.spi.Exports;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.ModuleInstance;
import dev.k6j.spi.Vu;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A built-in module written as a JavaScript glue file over a per-VU Java host object: the glue gives the
 * JavaScript-shaped API (optional arguments, classes, getters), the host does the work. The glue file holds one
 * expression, {@code (function (host) { ...; return { exportName: value, ... }; })}; its result is both the
 * default export and, member by member, the named exports.
 *
 * <p>The glue is parsed once per run and shared by all VU contexts.
 */
public abstract class GlueModule implements JsModule {

    private final String name;
    private final Source glue;

    protected GlueModule(String name, String glueResource) {
        this.name = name;
        this.glue = load(glueResource);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public String version() {
        return "built-in";
    }

    /** The Java object the glue calls, for one VU. Called on the VU's thread. */
    protected abstract Object host(Vu vu);

    @Override
    public ModuleInstance newInstance(Vu vu) {
        Value exports = vu.context().eval(glue).execute(host(vu));
        Map<String, Object> named = new LinkedHashMap<>();
        for (String key : exports.getMemberKeys()) {
            named.put(key, exports.getMember(key));
        }
        Exports result = new Exports(exports, named);
        return () -> result;
    }

    private Source load(String resource) {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing glue resource " + resource);
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "k6j-module-" + resource).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read glue resource " + resource, e);
        }
    }
}
