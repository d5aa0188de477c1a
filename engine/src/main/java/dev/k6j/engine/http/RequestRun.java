package dev.k6j.engine.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.Timeout;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSession;

/**
 * One k6 request from start to outcome: round trips through the VU's pool, redirects, the digest challenge, cookies
 * in and out of the jar, the timeout, and the samples of every round trip (as k6 emits one set per round trip).
 *
 * <p>Threads: {@link #start()} on any thread; everything after runs on event loops (and the DNS executor). No
 * JavaScript is touched: the spec is plain data. {@link #cancel()} from any thread.
 */
final class RequestRun {

    private final HttpClient client;
    private final HttpRequestSpec spec;
    private final CompletableFuture<HttpOutcome> outcome = new CompletableFuture<>();
    private final byte[] wireBody;
    private final RequestHeaders requestHeaders;
    private volatile Exchange current;
    private volatile Timeout timer;
    private volatile HttpError aborted;
    private volatile boolean cancelled;
    private Map<String, Object> firstRequest;

    RequestRun(HttpClient client, HttpRequestSpec spec) {
        this.client = client;
        this.spec = spec;
        this.requestHeaders = new RequestHeaders(spec, client.options);
        this.wireBody = spec.body() == null || spec.compression().isEmpty() ? spec.body()
                : Compression.compress(spec.body(), spec.compression());
    }

    /** The outcome, completed normally even when the request failed (then with status 0 and an error). */
    CompletableFuture<HttpOutcome> outcome() {
        return outcome;
    }

    void start() {
        timer = client.transport.schedule(this::timeout, spec.timeout().toNanos());
        outcome.whenComplete((o, e) -> timer.cancel());
        hop(spec.method(), spec.url(), wireBody, 0, null);
    }

    /**
     * Ends the request now (the VU is stopping): its connection or stream is closed. Like k6, which pushes no
     * samples once a VU's context is done, the cancelled round trip emits none.
     */
    void cancel() {
        cancelled = true;
        abortCurrent(new HttpError(ErrorCodes.DEFAULT, "request aborted: the VU is stopping"));
    }

    private void timeout() {
        Exchange exchange = current;
        // Still connecting (TCP): Go reports a dial timeout; from the TLS handshake on, a request timeout.
        boolean dialing = exchange != null && exchange.connection() == null && exchange.marks().connectDone == 0;
        abortCurrent(dialing ? ErrorCodes.dialTimeout() : ErrorCodes.requestTimeout());
    }

    private void abortCurrent(HttpError error) {
        aborted = error;
        Exchange exchange = current;
        if (exchange == null || outcome.isDone()) {
            return;
        }
        exchange.fail(error);
        Connection connection = exchange.connection();
        if (connection != null) {
            connection.abort(exchange);
        }
    }

    // ---- one round trip ----------------------------------------------------------------------------------------

    private void hop(String method, URI url, byte[] body, int redirects, String authorization) {
        hop(method, url, body, redirects, authorization, false);
    }

    private void hop(String method, URI url, byte[] body, int redirects, String authorization, boolean retry) {
        Target target = Target.of(url);
        Map<String, List<String>> headers = requestHeaders.forHop(method, url, target, body, authorization);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method),
                Urls.requestTarget(url), body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        headers.forEach((name, values) -> request.headers().add(name, values));
        if (firstRequest == null) {
            firstRequest = requestHeaders.requestInfo(method, url, headers);
        }
        TimingMarks marks = new TimingMarks();
        marks.getConn = TimingMarks.now();
        Exchange exchange = new Exchange(request, marks, spec.responseType() == HttpRequestSpec.ResponseType.NONE);
        current = exchange;
        if (outcome.isDone()) {
            return;
        }
        HttpError abortedBefore = aborted;
        if (abortedBefore != null) {
            exchange.fail(abortedBefore);
        }
        if (!client.options.httpDebug().isEmpty()) {
            HttpDebug.request(client, exchange.request(), body, client.options.httpDebug());
        }
        exchange.result().whenComplete((raw, failure) -> {
            if (failure != null && !retry && staleConnection(exchange, method, failure)) {
                // A kept connection the server had closed meanwhile: try once more on a new one, as Go does.
                hop(method, url, body, redirects, authorization, true);
            } else {
                finishHop(exchange, method, url, body, redirects, authorization, raw, failure);
            }
        });
        client.pool().acquire(target, marks).whenComplete((connection, failure) -> {
            if (failure != null) {
                exchange.fail(failure);
            } else {
                connection.send(exchange);
            }
        });
    }

    /**
     * Whether a failure means the server closed a kept connection before this request reached it: nothing was
     * received, the connection was reused, and the request may be sent again (Go's rule: an idempotent method).
     */
    private boolean staleConnection(Exchange exchange, String method, Throwable failure) {
        if (aborted != null || exchange.marks().firstByte != 0 || !exchange.marks().reusedConnection) {
            return false;
        }
        if (!(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE"))) {
            return false;
        }
        int code = ErrorCodes.of(failure).code();
        return code == ErrorCodes.DEFAULT || code == ErrorCodes.TCP_RESET_BY_PEER
                || code == ErrorCodes.TCP_BROKEN_PIPE;
    }

    // ---- after a round trip ------------------------------------------------------------------------------------

    private void finishHop(Exchange exchange, String method, URI url, byte[] body, int redirects,
                           String authorization, RawResponse raw, Throwable failure) {
        try {
            Timings timings = exchange.marks().finish();
            Connection connection = exchange.connection();
            if (failure != null) {
                HttpError error = ErrorCodes.of(failure);
                emit(exchange, method, url, null, error, timings);
                complete(url, null, null, error, error.code(), timings, connection);
                return;
            }
            if (!client.options.httpDebug().isEmpty()) {
                HttpDebug.response(client, raw, client.options.httpDebug());
            }
            if (spec.jar() != null) {
                List<String> setCookies = raw.headers("Set-Cookie");
                if (!setCookies.isEmpty()) {
                    spec.jar().storeFromResponse(url, setCookies);
                }
            }
            String location = raw.header("Location");
            if (isRedirect(raw.status()) && location != null) {
                if (redirects < spec.maxRedirects()) {
                    URI next = Urls.resolve(url, location);
                    emit(exchange, method, url, raw, null, timings);
                    boolean keepBody = raw.status() == 307 || raw.status() == 308;
                    String nextMethod = keepBody || method.equals("GET") || method.equals("HEAD") ? method : "GET";
                    hop(nextMethod, next, keepBody ? body : null, redirects + 1, null);
                    return;
                }
                if (!spec.redirectsGiven()) {
                    client.log.log("warn", "Stopped after " + redirects + " redirects and returned the redirection;"
                            + " pass { redirects: n } in request params or set global maxRedirects to silence this"
                            + " url=" + Urls.clean(spec.url()));
                }
            }
            if (raw.status() == 401 && authorization == null && spec.auth().equals("digest")
                    && url.getRawUserInfo() != null) {
                String challenge = DigestAuth.challenge(raw.headers("WWW-Authenticate"));
                if (challenge != null) {
                    emit(exchange, method, url, raw, null, timings);
                    String[] credentials = RequestHeaders.userInfo(url).split(":", 2);
                    hop(method, url, body, redirects, DigestAuth.authorization(challenge, method,
                            Urls.requestTarget(url), credentials[0], credentials.length > 1 ? credentials[1] : ""));
                    return;
                }
            }
            Object scriptBody = null;
            HttpError error = null;
            try {
                byte[] decoded = Compression.decode(raw.header("Content-Encoding"), raw.body());
                scriptBody = switch (spec.responseType()) {
                    case TEXT -> decoded == null ? null : new String(decoded, StandardCharsets.UTF_8);
                    case BINARY -> decoded;
                    case NONE -> null;
                };
            } catch (HttpError decompression) {
                error = decompression;
            }
            int errorCode = emit(exchange, method, url, error == null ? raw : null, error, timings);
            complete(url, error == null ? raw : null, scriptBody, error, errorCode, timings, connection);
        } catch (RuntimeException unexpected) {
            HttpError error = ErrorCodes.of(unexpected);
            complete(url, null, null, error, error.code(), Timings.ZERO, exchange.connection());
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private int emit(Exchange exchange, String method, URI url, RawResponse raw, HttpError error, Timings timings) {
        if (cancelled) {
            return error == null ? 0 : error.code();
        }
        Connection connection = exchange.connection();
        String tlsVersion = null;
        String ip = null;
        if (connection != null && error == null) {
            SSLSession session = connection.tlsSession();
            tlsVersion = session == null ? null : TlsOptions.k6Name(session.getProtocol());
        }
        if (connection != null && connection.remoteAddress() != null) {
            ip = connection.remoteAddress().getAddress().getHostAddress();
        }
        HttpMetrics.Hop hop = new HttpMetrics.Hop(spec, method, Urls.clean(url), raw == null ? 0 : raw.status(),
                raw == null ? "" : raw.proto(), error, tlsVersion, ip, timings);
        return client.metrics.emit(client.vu, client.systemTags, hop, client.traffic.takeSent(),
                client.traffic.takeReceived());
    }

    private void complete(URI url, RawResponse raw, Object body, HttpError error, int errorCode, Timings timings,
                          Connection connection) {
        String ip = "";
        int port = 0;
        String tlsVersion = "";
        String cipher = "";
        if (connection != null) {
            if (connection.remoteAddress() != null) {
                ip = connection.remoteAddress().getAddress().getHostAddress();
                port = connection.remoteAddress().getPort();
            }
            SSLSession session = connection.tlsSession();
            if (session != null && raw != null) {
                tlsVersion = TlsOptions.k6Name(session.getProtocol());
                cipher = session.getCipherSuite();
            }
        }
        if (error != null && !spec.throwErrors() && !cancelled) {
            client.log.log("warn", "Request Failed error=\"" + error.detail() + "\" url=" + Urls.clean(url));
        }
        outcome.complete(new HttpOutcome(url.toString(), raw, body, error, errorCode, timings, ip, port, tlsVersion,
                cipher, firstRequest));
    }
}
