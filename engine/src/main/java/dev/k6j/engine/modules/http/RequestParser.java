package dev.k6j.engine.modules.http;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.httpclient.BodyEncoder;
import dev.k6j.engine.httpclient.Compression;
import dev.k6j.engine.httpclient.CookieJar;
import dev.k6j.engine.httpclient.ErrorCodes;
import dev.k6j.engine.httpclient.HeaderNames;
import dev.k6j.engine.httpclient.HttpError;
import dev.k6j.engine.httpclient.HttpOptions;
import dev.k6j.engine.httpclient.HttpRequestSpec;
import dev.k6j.engine.httpclient.ResponseCallback;
import dev.k6j.engine.httpclient.Urls;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.Vu;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * Reads a script's request ({@code method, url, body, params}) into an {@link HttpRequestSpec}, with k6's rules
 * for bodies (string, ArrayBuffer, form object, multipart with {@code http.file}) and params. Bad input throws
 * {@link HttpError} (bad URL) or {@link IllegalArgumentException} (bad params), which the host turns into k6's
 * "Request Failed" response or a thrown error.
 *
 * <p>Threads: VU thread only (it reads JavaScript values).
 */
final class RequestParser {

    /** Marks the objects the glue makes: {@code http.file()} results, {@code http.url} URLs, cookie jars. */
    static final String FILE_MARK = "__k6jFile";
    static final String URL_MARK = "__k6jUrl";
    static final String JAR_MARK = "__k6jJar";

    private final Vu vu;
    private final HttpOptions options;
    /** The last URL read and its parsed form: scripts mostly request the same few URLs over and over. */
    private String lastUrlText;
    private URI lastUrl;

    RequestParser(Vu vu, HttpOptions options) {
        this.vu = vu;
        this.options = options;
    }

    HttpRequestSpec parse(String method, Value url, Value body, Value params, ResponseCallback callback,
                          CookieJar vuJar) {
        String urlText;
        String name = null;
        if (url != null && url.hasMembers() && url.hasMember(URL_MARK)) {
            urlText = url.getMember("url").asString();
            name = url.getMember("name").asString();
        } else if (url == null || url.isNull()) {
            throw new HttpError(ErrorCodes.INVALID_URL, "invalid URL");
        } else {
            urlText = url.isString() ? url.asString() : url.toString();
        }
        URI uri = url(urlText);

        Map<String, List<String>> headers = new LinkedHashMap<>();
        byte[] bodyBytes = body(body, headers);
        Duration timeout = HttpOptions.DEFAULT_TIMEOUT;
        int maxRedirects = options.maxRedirects();
        boolean redirectsGiven = options.maxRedirectsGiven();
        String auth = "";
        Map<String, HttpRequestSpec.RequestCookie> cookies = new LinkedHashMap<>();
        CookieJar jar = vuJar;
        HttpRequestSpec.ResponseType responseType = options.discardResponseBodies()
                ? HttpRequestSpec.ResponseType.NONE : HttpRequestSpec.ResponseType.TEXT;
        List<String> compression = List.of();
        boolean throwErrors = options.throwErrors();
        TagSet vuTags = vu.state().tags();
        TagSet tags = vuTags;

        if (params != null && !params.isNull() && params.hasMembers()) {
            for (String key : params.getMemberKeys()) {
                Value value = params.getMember(key);
                if (value == null || value.isNull()) {
                    if (key.equals("responseCallback")) {
                        callback = null;
                    }
                    continue;
                }
                switch (key) {
                    case "headers" -> {
                        for (String header : value.getMemberKeys()) {
                            Value v = value.getMember(header);
                            if (v != null && !v.isNull()) {
                                headers.put(HeaderNames.canonical(header), List.of(text(v)));
                            }
                        }
                    }
                    case "tags" -> {
                        for (String tag : value.getMemberKeys()) {
                            Value v = value.getMember(tag);
                            if (v != null && !v.isNull()) {
                                tags = tags.with(tag, text(v));
                            }
                        }
                    }
                    case "timeout" -> timeout = timeout(value);
                    case "redirects" -> {
                        maxRedirects = value.isNumber() ? value.asInt() : Integer.parseInt(text(value));
                        redirectsGiven = true;
                    }
                    case "auth" -> {
                        auth = text(value).toLowerCase(Locale.ROOT);
                        if (auth.equals("ntlm")) {
                            throw new IllegalArgumentException("auth: 'ntlm' is not supported by k6j yet");
                        }
                    }
                    case "cookies" -> cookies(value, cookies);
                    case "jar" -> {
                        Value handle = value.hasMembers() ? value.getMember(JAR_MARK) : null;
                        if (handle == null || !handle.isHostObject() || !(handle.asHostObject() instanceof CookieJar j)) {
                            throw new IllegalArgumentException("jar must be an http.CookieJar");
                        }
                        jar = j;
                    }
                    case "responseType" -> responseType = HttpRequestSpec.ResponseType.of(text(value));
                    case "compression" -> compression = Compression.algorithms(text(value));
                    case "responseCallback" -> {
                        if (!value.isHostObject() || !(value.asHostObject() instanceof ResponseCallback c)) {
                            throw new IllegalArgumentException("unsupported responseCallback: use "
                                    + "http.expectedStatuses(...) or null");
                        }
                        callback = c;
                    }
                    case "throw" -> throwErrors = value.isBoolean() ? value.asBoolean() : Boolean.parseBoolean(text(value));
                    default -> {
                        // k6 ignores params it does not know.
                    }
                }
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            timeout = HttpOptions.DEFAULT_TIMEOUT;
        }
        return new HttpRequestSpec(method, uri, name, Map.copyOf(headers), bodyBytes, timeout, maxRedirects,
                redirectsGiven, auth, Map.copyOf(cookies), jar, responseType, compression, callback, tags, vuTags,
                vu.state().metadata(), throwErrors);
    }

    private URI url(String text) {
        if (!text.equals(lastUrlText)) {
            lastUrl = Urls.parse(text);
            lastUrlText = text;
        }
        return lastUrl;
    }

    private static Duration timeout(Value value) {
        try {
            return Durations.parse(value.isNumber() ? value.asDouble() : text(value), "timeout");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid timeout value: " + text(value), e);
        }
    }

    /** The body's bytes; sets {@code Content-Type} for form and multipart bodies. */
    private byte[] body(Value body, Map<String, List<String>> headers) {
        if (body == null || body.isNull()) {
            return null;
        }
        if (body.isString()) {
            return body.asString().getBytes(StandardCharsets.UTF_8);
        }
        if (body.isNumber() || body.isBoolean()) {
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }
        Object java = vu.fromJs(body);
        if (java instanceof byte[] bytes) {
            return bytes;
        }
        if (body.hasArrayElements()) {
            throw new IllegalArgumentException("unknown request body type: an array; send a string, an ArrayBuffer "
                    + "or an object of form fields");
        }
        if (body.hasMembers()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String key : body.getMemberKeys()) {
                Value value = body.getMember(key);
                if (value == null || value.isNull()) {
                    fields.put(key, "");
                } else if (value.hasMembers() && value.hasMember(FILE_MARK)) {
                    fields.put(key, file(value));
                } else if (value.hasArrayElements()) {
                    List<String> values = new ArrayList<>();
                    for (long i = 0; i < value.getArraySize(); i++) {
                        values.add(text(value.getArrayElement(i)));
                    }
                    fields.put(key, values);
                } else {
                    fields.put(key, text(value));
                }
            }
            BodyEncoder.Encoded encoded = BodyEncoder.encode(fields);
            headers.put("Content-Type", List.of(encoded.contentType()));
            return encoded.body();
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private BodyEncoder.FilePart file(Value value) {
        Value data = value.getMember("data");
        byte[] bytes = data.isString() ? data.asString().getBytes(StandardCharsets.UTF_8)
                : vu.fromJs(data) instanceof byte[] b ? b : text(data).getBytes(StandardCharsets.UTF_8);
        return new BodyEncoder.FilePart(bytes, text(value.getMember("filename")),
                text(value.getMember("content_type")));
    }

    private static void cookies(Value value, Map<String, HttpRequestSpec.RequestCookie> cookies) {
        for (String name : value.getMemberKeys()) {
            Value cookie = value.getMember(name);
            if (cookie == null || cookie.isNull()) {
                continue;
            }
            if (cookie.hasMembers() && !cookie.isString()) {
                Value v = cookie.getMember("value");
                Value replace = cookie.getMember("replace");
                cookies.put(name, new HttpRequestSpec.RequestCookie(v == null || v.isNull() ? "" : text(v),
                        replace != null && replace.isBoolean() && replace.asBoolean()));
            } else {
                cookies.put(name, new HttpRequestSpec.RequestCookie(text(cookie), false));
            }
        }
    }

    /** A JavaScript value as text, the way {@code String(value)} would show numbers and booleans. */
    static String text(Value value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber()) {
            if (value.fitsInLong()) {
                return Long.toString(value.asLong());
            }
            double d = value.asDouble();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
        }
        return value.toString();
    }
}
