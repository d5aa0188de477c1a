package dev.k6j.engine.modules.http;

import dev.k6j.engine.httpclient.HttpOutcome;
import dev.k6j.spi.Vu;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The script's {@code Response}: an object whose fields are read from the request's outcome when the script reads
 * them. Making one costs one Java object; a script that checks {@code r.status} converts nothing else, and the costly
 * fields ({@code headers}, {@code cookies}, {@code timings}, {@code request}, a large {@code body}) become JavaScript
 * values the first time they are read, then stay. It lists k6's fields in k6's order (for {@code Object.keys} and
 * {@code JSON.stringify}), takes writes and new fields as a plain object would, and answers {@code json()},
 * {@code html()}, {@code clickLink()} and {@code submitForm()} through the module's glue.
 *
 * <p>Threads: made on the VU thread (or on an async request's thread, then handed to the VU thread); used by the
 * script on the VU thread only.
 */
final class Response implements ProxyObject {

    /** k6's fields, in its order. */
    private static final List<String> FIELDS = List.of("remote_ip", "remote_port", "url", "status", "status_text",
            "proto", "headers", "cookies", "body", "timings", "tls_version", "tls_cipher_suite", "ocsp", "error",
            "error_code", "request");
    private static final List<String> METHODS = List.of("json", "html", "clickLink", "submitForm");

    private final HttpOutcome outcome;
    private final ResponseGlue glue;
    private final Vu vu;
    /** JavaScript values made so far, and whatever the script wrote (its own fields included). */
    private Map<String, Object> values;
    private Value parsedJson;

    Response(HttpOutcome outcome, ResponseGlue glue, Vu vu) {
        this.outcome = outcome;
        this.glue = glue;
        this.vu = vu;
    }

    /** The outcome behind it (batch and async hand responses around as Java objects). */
    HttpOutcome outcome() {
        return outcome;
    }

    @Override
    public Object getMember(String key) {
        if (values != null && values.containsKey(key)) {
            return values.get(key);
        }
        return switch (key) {
            case "remote_ip" -> outcome.remoteIp();
            case "remote_port" -> outcome.remotePort();
            case "url" -> outcome.url();
            case "status" -> outcome.status();
            case "status_text" -> outcome.statusText();
            case "proto" -> outcome.ok() ? outcome.response().proto() : "";
            case "tls_version" -> outcome.tlsVersion();
            case "tls_cipher_suite" -> outcome.tlsCipherSuite();
            case "ocsp" -> glue.ocsp();
            case "error" -> outcome.error() == null ? "" : outcome.error().getMessage();
            case "error_code" -> outcome.errorCode();
            case "headers" -> keep(key, glue.parse(outcome.headersJson()));
            case "cookies" -> keep(key, glue.parse(outcome.cookiesJson()));
            case "timings" -> keep(key, glue.parse(outcome.timingsJson()));
            case "request" -> keep(key, glue.parse(outcome.requestJson()));
            case "body" -> keep(key, body());
            case "json" -> (ProxyExecutable) this::json;
            case "html" -> (ProxyExecutable) arguments -> glue.html(getMember("body"), outcome.url(), argument(arguments));
            case "clickLink", "submitForm" -> (ProxyExecutable) arguments -> glue.unsupported(key);
            default -> null;
        };
    }

    /** {@code res.json([selector])}: the body parsed once, then a gjson-style selection of it. */
    private Object json(Value... arguments) {
        if (parsedJson == null) {
            parsedJson = glue.json(getMember("body"));
        }
        Object selector = argument(arguments);
        return selector == null ? parsedJson : glue.select(parsedJson, selector);
    }

    private Object body() {
        Object body = outcome.body();
        if (body instanceof byte[] bytes) {
            return vu.toJs(bytes);
        }
        // A JavaScript string made once: handing the Java string over on every read would copy it every time.
        return body instanceof String text ? glue.string(text) : null;
    }

    private Object keep(String key, Object value) {
        if (values == null) {
            values = new LinkedHashMap<>();
        }
        values.put(key, value);
        return value;
    }

    private static Object argument(Value[] arguments) {
        return arguments.length == 0 || arguments[0].isNull() ? null : arguments[0];
    }

    @Override
    public Object getMemberKeys() {
        if (values == null) {
            return new Keys(FIELDS.toArray(String[]::new));
        }
        List<String> keys = new java.util.ArrayList<>(FIELDS);
        for (String key : values.keySet()) {
            if (!FIELDS.contains(key)) {
                keys.add(key);
            }
        }
        return new Keys(keys.toArray(String[]::new));
    }

    @Override
    public boolean hasMember(String key) {
        return FIELDS.contains(key) || METHODS.contains(key) || (values != null && values.containsKey(key));
    }

    @Override
    public void putMember(String key, Value value) {
        keep(key, value);
        if (key.equals("body")) {
            parsedJson = null;
        }
    }

    @Override
    public boolean removeMember(String key) {
        return values != null && values.remove(key) != null;
    }

    /** The member names, as JavaScript sees an array. */
    private record Keys(String[] names) implements ProxyArray {
        @Override
        public Object get(long index) {
            return names[(int) index];
        }

        @Override
        public void set(long index, Value value) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public long getSize() {
            return names.length;
        }

        @Override
        public String toString() {
            return Arrays.toString(names);
        }
    }
}
