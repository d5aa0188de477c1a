package dev.k6j.modules.grpc;

import dev.k6j.spi.Vu;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * Builds the JavaScript values one VU's scripts get from the gRPC API: responses, messages, errors. VU thread only.
 */
final class ScriptValues {

    private final Vu vu;
    private final Value jsonParse;

    /** Call on the VU thread. */
    ScriptValues(Vu vu) {
        this.vu = vu;
        this.jsonParse = vu.context().getBindings("js").getMember("JSON").getMember("parse");
    }

    /** A JSON text as a JavaScript value; {@code null} stays {@code null}. */
    Value parse(String json) {
        return json == null ? vu.context().asValue(null) : jsonParse.execute(json);
    }

    /** k6's response object: {@code status, message, headers, trailers, error}. */
    Value response(CallResult result) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", result.status());
        response.put("message", parse(result.messageJson()));
        response.put("headers", result.headers());
        response.put("trailers", result.trailers());
        response.put("error", parse(result.errorJson()));
        return vu.toJs(response);
    }

    /** The second argument of stream event handlers: {@code {ts}}, the time in Unix seconds as k6 gives it. */
    Value eventMetadata() {
        return vu.toJs(Map.of("ts", System.currentTimeMillis() / 1000));
    }

    Vu vu() {
        return vu;
    }
}
