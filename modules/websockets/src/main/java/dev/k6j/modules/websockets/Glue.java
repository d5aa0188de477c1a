package dev.k6j.modules.websockets;

import dev.k6j.spi.Exports;
import dev.k6j.spi.Vu;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A JavaScript glue file of this module: one expression {@code (function (host) { ...; return exports; })} that
 * gives a Java host object its JavaScript shape. Parsed once per module object and shared by all VU contexts.
 */
final class Glue {

    private Glue() {
    }

    static Source load(String resource) {
        try (InputStream in = Glue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing glue resource " + resource);
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "k6j-websockets/" + resource).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read glue resource " + resource, e);
        }
    }

    /**
     * Runs the glue in the VU's context with {@code host}: its result is the default export and, member by member,
     * the named exports. VU thread.
     */
    static Exports exports(Vu vu, Source glue, Object host) {
        Value exports = vu.context().eval(glue).execute(host);
        Map<String, Object> named = new LinkedHashMap<>();
        for (String key : exports.getMemberKeys()) {
            named.put(key, exports.getMember(key));
        }
        return new Exports(exports, named);
    }
}
