package dev.k6j.engine.http;

import dev.k6j.engine.vu.SystemTags;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.engine.vu.VuStateImpl;
import dev.k6j.spi.PromiseHandle;
import dev.k6j.spi.Vu;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The per-VU Java side of {@code k6/http}, called by the glue ({@code http.js}): requests (synchronous, async,
 * batch), response callbacks, and the cookie jars through {@link CookieJars}. Synchronous requests park only the VU's own thread on the request's
 * future; an interrupted VU (graceful stop) aborts its request.
 *
 * <p>Threads: every exported method runs on the VU thread; request work runs on the shared event loops and comes
 * back as plain Java data.
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

    HttpHost(Vu vu, Supplier<HttpModule.Shared> shared) {
        this.vu = vu;
        this.shared = shared;
        this.jars = new CookieJars(vu, vuJar, this::newIterationCheck);
        if (vu instanceof VirtualUser virtualUser) {
            // An interrupted iteration drops its callbacks: its async requests stop with it.
            virtualUser.loop().addResetHook(this::cancelAsync);
        }
    }

    private void cancelAsync() {
        for (RequestRun run : List.copyOf(inFlightAsync)) {
            run.cancel();
        }
        inFlightAsync.clear();
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    /** A synchronous request: returns the response data (the glue gives it the Response prototype). */
    @HostAccess.Export
    public Value request(String method, Value url, Value body, Value params) {
        requireNotInit("Making http requests");
        HttpRequestSpec spec;
        try {
            spec = parser().parse(method, url, body, params, callback, vuJar);
        } catch (HttpError | IllegalArgumentException e) {
            return failedParse(e);
        }
        RequestRun run = client().start(spec);
        return toJs(await(run.outcome(), run::cancel), spec);
    }

    /** An asynchronous request: a promise of the response data. */
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
                promise.resolve(new ResponseData(parseFailure(e), vu));
            }
            return promise.promise();
        }
        RequestRun run = client().start(spec);
        inFlightAsync.add(run);
        run.outcome().whenComplete((outcome, failure) -> {
            inFlightAsync.remove(run);
            if (failure != null) {
                promise.reject(failure);
            } else if (outcome.failed() && spec.throwErrors()) {
                promise.reject(new IllegalStateException(outcome.error().getMessage()));
            } else {
                promise.resolve(new ResponseData(outcome, vu));
            }
        });
        return promise.promise();
    }

    /**
     * {@code http.batch()}: {@code requests} is an array of {@code [method, url, body, params]} (the glue normalizes
     * every form); returns an array of response data in the same order.
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
                    results.add(new ResponseData(j == i ? parseFailure(e) : notSent(), vu));
                }
                return vu.toJs(results);
            }
        }
        HttpClient http = client();
        Batch batch = new Batch(http, specs, http.options.batch(), http.options.batchPerHost());
        List<HttpOutcome> outcomes = await(batch.start(), batch::cancel);
        for (int i = 0; i < outcomes.size(); i++) {
            HttpOutcome outcome = outcomes.get(i);
            if (outcome.failed() && specs.get(i).throwErrors()) {
                throw vu.jsError("Error", outcome.error().detail());
            }
            results.add(new ResponseData(outcome, vu));
        }
        return vu.toJs(results);
    }

    /** A request the parser refused: thrown with {@code throw}, else a status-0 response (as k6 does). */
    private Value failedParse(RuntimeException e) {
        if (throwErrors()) {
            throw vu.jsError("Error", e.getMessage());
        }
        log("warn", "Request Failed error=\"" + e.getMessage() + "\"");
        return vu.context().asValue(new ResponseData(parseFailure(e), vu));
    }

    private static HttpOutcome notSent() {
        return new HttpOutcome("", null, null, null, 0, Timings.ZERO, "", 0, "", "",
                Map.of("method", "", "url", "", "headers", Map.of(), "body", "", "cookies", Map.of()));
    }

    private static HttpOutcome parseFailure(RuntimeException e) {
        int code = e instanceof HttpError h ? h.code() : 0;
        HttpError error = e instanceof HttpError h ? h : new HttpError(0, e.getMessage());
        return new HttpOutcome("", null, null, error, code, Timings.ZERO, "", 0, "", "",
                Map.of("method", "", "url", "", "headers", Map.of(), "body", "", "cookies", Map.of()));
    }

    private Value toJs(HttpOutcome outcome, HttpRequestSpec spec) {
        if (outcome.failed() && spec.throwErrors()) {
            throw vu.jsError("Error", outcome.error().detail());
        }
        return vu.context().asValue(new ResponseData(outcome, vu));
    }

    /** Parks the VU thread until the future completes; an interrupt (the VU stopping) aborts the request. */
    private <T> T await(CompletableFuture<T> future, Runnable abort) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            abort.run();
            throw vu.jsError("Error", "request aborted: the VU is stopping");
        } catch (ExecutionException e) {
            HttpError error = ErrorCodes.of(e.getCause());
            throw vu.jsError("Error", error.detail());
        }
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
            SystemTags system = vu.state() instanceof VuStateImpl state ? state.systemTags() : SystemTags.DEFAULT;
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
        if (vu instanceof VirtualUser virtualUser) {
            virtualUser.console().log(level, virtualUser.state().id(), message);
        } else {
            vu.logger().log(level.equals("warn") ? System.Logger.Level.WARNING : System.Logger.Level.INFO, message);
        }
    }
}
