package dev.k6j.engine.modules.http;

import dev.k6j.engine.httpclient.Batch;
import dev.k6j.engine.httpclient.CookieJar;
import dev.k6j.engine.httpclient.HttpClient;
import dev.k6j.engine.httpclient.HttpError;
import dev.k6j.engine.httpclient.HttpOutcome;
import dev.k6j.engine.httpclient.HttpRequestSpec;
import dev.k6j.engine.httpclient.HttpTransport;
import dev.k6j.engine.httpclient.RequestInfo;
import dev.k6j.engine.httpclient.RequestRun;
import dev.k6j.engine.httpclient.ResponseCallback;
import dev.k6j.engine.httpclient.Timings;
import dev.k6j.engine.vu.SystemTags;
import dev.k6j.spi.PromiseHandle;
import dev.k6j.spi.Vu;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The per-VU Java side of {@code k6/http}, called by the glue ({@code http.js}): requests (synchronous, async,
 * batch), response callbacks, and the cookie jars through {@link CookieJars}. A synchronous request runs on the
 * VU's own (virtual) thread, which blocks in its socket reads; async and batched requests run on virtual threads of
 * their own. An interrupted VU (graceful stop) aborts its requests.
 *
 * <p>Threads: every exported method runs on the VU thread; request work comes back as plain Java data, and the
 * script's Response is made on the VU thread.
 */
public final class HttpHost {

    private final Vu vu;
    private final Supplier<HttpModule.Shared> shared;
    private final CookieJar vuJar = new CookieJar();
    private final CookieJars jars;
    private HttpClient client;
    private RequestParser parser;
    private ResponseCallback callback = ResponseCallback.DEFAULT;
    private long lastIteration = -1;
    private final Set<RequestRun> inFlightAsync = ConcurrentHashMap.newKeySet();
    private ResponseGlue responseGlue;

    /** The threads async and batched requests run on: virtual, so a blocked request holds no carrier. */
    private static final ThreadFactory REQUEST_THREADS = Thread.ofVirtual().name("k6j-http-request-", 0).factory();

    HttpHost(Vu vu, Supplier<HttpModule.Shared> shared) {
        this.vu = vu;
        this.shared = shared;
        this.jars = new CookieJars(vu, vuJar, this::newIterationCheck);
        // An interrupted iteration drops its callbacks: its async requests stop with it.
        vu.eventLoop().addResetHook(this::cancelAsync);
    }

    private void cancelAsync() {
        for (RequestRun run : List.copyOf(inFlightAsync)) {
            run.cancel();
        }
        inFlightAsync.clear();
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    /** What the script's responses need from the glue (see {@link ResponseGlue}); called once, at import. */
    @HostAccess.Export
    public void useResponseGlue(Value glue) {
        this.responseGlue = new ResponseGlue(glue);
    }

    /** A synchronous request, run on the VU's own thread: returns the script's Response. */
    @HostAccess.Export
    public Object request(String method, Value url, Value body, Value params) {
        requireNotInit("Making http requests");
        HttpRequestSpec spec;
        try {
            spec = parser().parse(method, url, body, params, callback, vuJar);
        } catch (HttpError | IllegalArgumentException e) {
            return failedParse(e);
        }
        HttpOutcome outcome;
        try {
            outcome = client().newRun(spec).run();
        } catch (InterruptedException e) {
            throw vu.jsError("Error", "request aborted: the VU is stopping");
        }
        if (outcome.failed() && spec.throwErrors()) {
            throw vu.jsError("Error", outcome.error().detail());
        }
        return response(outcome);
    }

    /** An asynchronous request, run on a virtual thread of its own: a promise of the response data. */
    @HostAccess.Export
    public Value asyncRequest(String method, Value url, Value body, Value params) {
        requireNotInit("Making http requests");
        PromiseHandle promise = vu.eventLoop().newPromise();
        HttpRequestSpec spec;
        try {
            spec = parser().parse(method, url, body, params, callback, vuJar);
        } catch (HttpError | IllegalArgumentException e) {
            if (throwErrors()) {
                promise.reject(new IllegalArgumentException(e.getMessage()));
            } else {
                log("warn", "Request Failed error=\"" + e.getMessage() + "\"");
                promise.resolve(response(parseFailure(e)));
            }
            return promise.promise();
        }
        RequestRun run = client().newRun(spec);
        inFlightAsync.add(run);
        REQUEST_THREADS.newThread(() -> {
            try {
                HttpOutcome outcome = run.run();
                if (outcome.failed() && spec.throwErrors()) {
                    promise.reject(new IllegalStateException(outcome.error().detail()));
                } else {
                    promise.resolve(response(outcome));
                }
            } catch (InterruptedException e) {
                promise.reject(new IllegalStateException("request aborted: the VU is stopping"));
            } finally {
                inFlightAsync.remove(run);
            }
        }).start();
        return promise.promise();
    }

    /**
     * {@code http.batch()}: {@code requests} is an array of {@code [method, url, body, params]} (the glue normalizes
     * every form); returns an array of responses in the same order.
     */
    @HostAccess.Export
    public Value batch(Value requests) {
        requireNotInit("Using batch");
        List<HttpRequestSpec> specs = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        for (long i = 0; i < requests.getArraySize(); i++) {
            Value request = requests.getArrayElement(i);
            try {
                specs.add(parser().parse(request.getArrayElement(0).asString(), request.getArrayElement(1),
                        request.getArrayElement(2), request.getArrayElement(3), callback, vuJar));
            } catch (HttpError | IllegalArgumentException e) {
                if (throwErrors()) {
                    throw vu.jsError("Error", e.getMessage());
                }
                // As k6: nothing is sent; the failed entry carries the error, the others are empty responses.
                log("warn", "A batch request failed error=\"" + e.getMessage() + "\"");
                for (long j = 0; j < requests.getArraySize(); j++) {
                    results.add(response(j == i ? parseFailure(e) : notSent()));
                }
                return vu.toJs(results);
            }
        }
        HttpClient http = client();
        List<HttpOutcome> outcomes;
        try {
            outcomes = new Batch(http, specs, http.options.batch(), http.options.batchPerHost(), REQUEST_THREADS).run();
        } catch (InterruptedException e) {
            throw vu.jsError("Error", "request aborted: the VU is stopping");
        }
        for (int i = 0; i < outcomes.size(); i++) {
            HttpOutcome outcome = outcomes.get(i);
            if (outcome.failed() && specs.get(i).throwErrors()) {
                throw vu.jsError("Error", outcome.error().detail());
            }
            results.add(response(outcome));
        }
        return vu.toJs(results);
    }

    /** A request the parser refused: thrown with {@code throw}, else a status-0 response (as k6 does). */
    private Object failedParse(RuntimeException e) {
        if (throwErrors()) {
            throw vu.jsError("Error", e.getMessage());
        }
        log("warn", "Request Failed error=\"" + e.getMessage() + "\"");
        return response(parseFailure(e));
    }

    private static HttpOutcome notSent() {
        return new HttpOutcome("", null, null, null, 0, Timings.ZERO, "", 0, "", "", RequestInfo.NONE);
    }

    private static HttpOutcome parseFailure(RuntimeException e) {
        int code = e instanceof HttpError h ? h.code() : 0;
        HttpError error = e instanceof HttpError h ? h : new HttpError(0, e.getMessage());
        return new HttpOutcome("", null, null, error, code, Timings.ZERO, "", 0, "", "", RequestInfo.NONE);
    }

    /** The script's Response for an outcome. Any thread (it is plain Java until the script reads it). */
    private Response response(HttpOutcome outcome) {
        return new Response(outcome, responseGlue, vu);
    }

    /** An ArrayBuffer's bytes as UTF-8 text (for {@code res.json()} on a binary body). */
    @HostAccess.Export
    public String utf8(Value buffer) {
        Object bytes = vu.fromJs(buffer);
        return bytes instanceof byte[] data ? new String(data, java.nio.charset.StandardCharsets.UTF_8) : "";
    }

    /** The cookie-jar side of the module. */
    @HostAccess.Export
    public CookieJars jars() {
        return jars;
    }

    // ---- response callbacks ------------------------------------------------------------------------------------

    /** {@code http.expectedStatuses(...)}: each argument a status or {@code {min, max}}. */
    @HostAccess.Export
    public Object expectedStatuses(Value arguments) {
        List<ResponseCallback.Range> ranges = new ArrayList<>();
        for (long i = 0; i < arguments.getArraySize(); i++) {
            Value argument = arguments.getArrayElement(i);
            if (argument.isNumber() && argument.fitsInInt()) {
                ranges.add(new ResponseCallback.Range(argument.asInt(), argument.asInt()));
            } else if (argument.hasMembers() && argument.hasMember("min") && argument.hasMember("max")
                    && argument.getMember("min").isNumber() && argument.getMember("max").isNumber()) {
                ranges.add(new ResponseCallback.Range(argument.getMember("min").asInt(),
                        argument.getMember("max").asInt()));
            } else {
                throw vu.jsError("Error", "argument number " + (i + 1) + " to expectedStatuses was neither an "
                        + "integer nor an object like {min:100, max:329}");
            }
        }
        return new ResponseCallback(ranges);
    }

    /** {@code http.setResponseCallback(callback)}; {@code null} turns {@code http_req_failed} off. */
    @HostAccess.Export
    public void setResponseCallback(Value value) {
        if (value == null || value.isNull()) {
            callback = null;
        } else if (value.isHostObject() && value.asHostObject() instanceof ResponseCallback c) {
            callback = c;
        } else {
            throw vu.jsError("Error", "unsupported response callback: use http.expectedStatuses(...) or null");
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private HttpClient client() {
        newIterationCheck();
        if (client == null) {
            HttpModule.Shared pieces;
            try {
                pieces = shared.get();
            } catch (IllegalArgumentException e) {
                throw vu.jsError("Error", e.getMessage());
            }
            SystemTags system = new SystemTags(vu.state().enabledSystemTags());
            client = new HttpClient(vu, pieces.options(), system, pieces.metrics(), pieces.tls(),
                    HttpTransport.shared(), this::log);
        }
        return client;
    }

    private RequestParser parser() {
        if (parser == null) {
            parser = new RequestParser(vu, client().options);
        }
        return parser;
    }

    private boolean throwErrors() {
        return client().options.throwErrors();
    }

    /** A new iteration: the VU's jar is emptied (unless noCookiesReset), connections closed if noVUConnectionReuse. */
    private void newIterationCheck() {
        long iteration = vu.state().iteration();
        if (iteration == lastIteration || vu.state().inInitStage()) {
            return;
        }
        lastIteration = iteration;
        HttpModule.Shared pieces = client == null ? null : sharedOrNull();
        boolean noCookiesReset = pieces != null && pieces.options().noCookiesReset();
        if (!noCookiesReset) {
            vuJar.clearAll();
        }
        if (client != null && client.options.noVuConnectionReuse()) {
            client.closeConnections();
        }
    }

    private HttpModule.Shared sharedOrNull() {
        try {
            return shared.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void requireNotInit(String what) {
        if (vu.state().inInitStage()) {
            throw vu.jsError("Error", what + " in the init context is not supported");
        }
    }

    private void log(String level, String message) {
        vu.console().log(level, message);
    }
}
