package dev.k6j.engine.httpclient;

import io.netty.util.Timeout;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;

/**
 * One k6 request from start to outcome: round trips through the VU's pool, redirects, the digest challenge, cookies
 * in and out of the jar, the timeout, and the samples of every round trip (as k6 emits one set per round trip).
 *
 * <p>Threads: {@link #run()} on the thread that makes the request (the VU's own for a synchronous request, a virtual
 * thread of its own for an async or batched one), which it blocks; no JavaScript is touched, the spec is plain data.
 * {@link #cancel()} from any thread; an interrupt of the running thread cancels too.
 */
public final class RequestRun {

    /** Go's transport retries a refused HTTP/2 stream while its retry count is at most 6: 7 retries, 8 tries. */
    private static final int MAX_HTTP2_RETRY = 6;

    private final HttpClient client;
    private final HttpRequestSpec spec;
    private final byte[] wireBody;
    private final RequestHeaders requestHeaders;
    private volatile Exchange current;
    /** Whether the round trip under way sends the request again (a retry, not a redirect); see {@link #timeout}. */
    private volatile boolean retrying;
    private volatile HttpError aborted;
    private volatile boolean cancelled;
    private RequestInfo firstRequest;

    RequestRun(HttpClient client, HttpRequestSpec spec) {
        this.client = client;
        this.spec = spec;
        this.requestHeaders = new RequestHeaders(spec, client.options);
        this.wireBody = spec.body() == null || spec.compression().isEmpty() ? spec.body()
                : Compression.compress(spec.body(), spec.compression());
    }

    /**
     * Runs the request to its outcome, which is normal even when the request failed (status 0 and an error).
     *
     * @throws InterruptedException when it was cancelled (the VU is stopping); no samples are emitted then
     */
    public HttpOutcome run() throws InterruptedException {
        Timeout timer = client.transport.schedule(this::timeout, spec.timeout().toNanos());
        try {
            return hops();
        } finally {
            timer.cancel();
        }
    }

    /**
     * Ends the request now (the VU is stopping): its connection or stream is closed. Like k6, which pushes no
     * samples once a VU's context is done, the cancelled round trip emits none.
     */
    public void cancel() {
        cancelled = true;
        abortCurrent(new HttpError(ErrorCodes.DEFAULT, "request aborted: the VU is stopping"));
    }

    private void timeout() {
        Exchange exchange = current;
        // Still connecting (TCP): Go reports a dial timeout; from the TLS handshake on, a request timeout. A retry's
        // new connection is the exception: Go's transport retries inside a loop that waits on the request's
        // context, so k6 reports the request timeout there however far the last connection got (nginx-http2.js).
        boolean dialing = !retrying && exchange != null && exchange.connection() == null
                && exchange.marks().connectDone == 0;
        abortCurrent(dialing ? ErrorCodes.dialTimeout() : ErrorCodes.requestTimeout());
    }

    private void abortCurrent(HttpError error) {
        if (aborted == null) {
            aborted = error;
        }
        Exchange exchange = current;
        if (exchange != null) {
            exchange.fail(error);
        }
    }

    // ---- the round trips ---------------------------------------------------------------------------------------

    /** Where the request stands between round trips: what the next one sends. */
    private static final class Next {
        String method;
        URI url;
        byte[] body;
        int redirects;
        String authorization;
        boolean retried;
        int http2Retries;

        Next(String method, URI url, byte[] body) {
            this.method = method;
            this.url = url;
            this.body = body;
        }
    }

    /** What a round trip gave: the response, or the failure. */
    private record Result(RawResponse response, Throwable failure) {
    }

    private HttpOutcome hops() throws InterruptedException {
        Next next = new Next(spec.method(), spec.url(), wireBody);
        while (true) {
            String method = next.method;
            URI url = next.url;
            Target target = Target.of(url);
            Exchange exchange = newExchange(next, target);
            Result result = carry(exchange, target);
            if (result.failure() != null && retries(next, exchange, method, result.failure())) {
                retrying = true;
                continue;
            }
            Timings timings = exchange.marks().finish();
            try {
                if (result.failure() != null) {
                    HttpError error = ErrorCodes.of(result.failure());
                    emit(exchange, method, url, null, error, timings);
                    return outcome(url, null, null, error, error.code(), timings, exchange.connection());
                }
                RawResponse raw = result.response();
                if (!client.options.httpDebug().isEmpty()) {
                    HttpDebug.response(client, raw, client.options.httpDebug());
                }
                if (spec.jar() != null) {
                    storeCookies(url, raw);
                }
                if (followsRedirect(next, raw) || answersDigest(next, raw)) {
                    emit(exchange, method, url, raw, null, timings);
                    next.retried = false;
                    next.http2Retries = 0;
                    retrying = false;
                    continue;
                }
                return completed(exchange, method, url, raw, timings);
            } catch (RuntimeException unexpected) {
                HttpError error = ErrorCodes.of(unexpected);
                return outcome(url, null, null, error, error.code(), Timings.ZERO, exchange.connection());
            }
        }
    }

    /** The exchange of the next round trip: its headers, wire request and timing marks. */
    private Exchange newExchange(Next next, Target target) {
        Map<String, List<String>> headers = requestHeaders.forHop(next.method, next.url, target, next.body,
                next.authorization);
        if (firstRequest == null) {
            firstRequest = new RequestInfo(requestHeaders, next.method, next.url, headers);
        }
        TimingMarks marks = new TimingMarks();
        marks.getConn = TimingMarks.now();
        Exchange exchange = new Exchange(new WireRequest(next.method, Urls.requestTarget(next.url), headers, next.body),
                marks, spec.responseType() == HttpRequestSpec.ResponseType.NONE);
        current = exchange;
        HttpError abortedBefore = aborted;
        if (abortedBefore != null) {
            exchange.fail(abortedBefore);
        }
        if (!client.options.httpDebug().isEmpty()) {
            HttpDebug.request(client, exchange.request(), client.options.httpDebug());
        }
        return exchange;
    }

    /**
     * One round trip on a pooled or new connection, blocking.
     *
     * @throws InterruptedException when the request was cancelled (the VU is stopping)
     */
    private Result carry(Exchange exchange, Target target) throws InterruptedException {
        RawResponse raw = null;
        Throwable failure = null;
        try {
            Connection connection = client.pool().acquire(target, exchange);
            exchange.connection(connection);
            raw = connection.roundTrip(exchange);
        } catch (InterruptedException e) {
            cancelled = true;
        } catch (Exception e) {
            failure = exchange.failure() != null ? exchange.failure() : e;
        }
        if (Thread.interrupted()) {
            // The VU is stopping: a socket closed by the interrupt, or a wait cut short. The interrupt is spent here,
            // as a wait that throws InterruptedException would spend it.
            cancelled = true;
        }
        if (cancelled) {
            exchange.fail(new HttpError(ErrorCodes.DEFAULT, "request aborted: the VU is stopping"));
            throw new InterruptedException("request aborted: the VU is stopping");
        }
        return new Result(raw, failure);
    }

    private void storeCookies(URI url, RawResponse raw) {
        List<String> setCookies = raw.headers("Set-Cookie");
        if (!setCookies.isEmpty()) {
            spec.jar().storeFromResponse(url, setCookies);
        }
    }

    /** A redirect to follow: {@code next} becomes the request to its location. */
    private boolean followsRedirect(Next next, RawResponse raw) {
        String location = isRedirect(raw.status()) ? raw.header("Location") : null;
        if (location == null) {
            return false;
        }
        if (next.redirects >= spec.maxRedirects()) {
            if (!spec.redirectsGiven()) {
                client.log.log("warn", "Stopped after " + next.redirects + " redirects and returned the redirection;"
                        + " pass { redirects: n } in request params or set global maxRedirects to silence this"
                        + " url=" + Urls.clean(spec.url()));
            }
            return false;
        }
        URI resolved = Urls.resolve(next.url, location);
        boolean keepBody = raw.status() == 307 || raw.status() == 308;
        String method = next.method;
        next.method = keepBody || method.equals("GET") || method.equals("HEAD") ? method : "GET";
        next.body = keepBody ? next.body : null;
        next.url = resolved;
        next.redirects++;
        next.authorization = null;
        return true;
    }

    /** A digest challenge to answer: {@code next} becomes the same request with credentials. */
    private boolean answersDigest(Next next, RawResponse raw) {
        if (raw.status() != 401 || next.authorization != null || !spec.auth().equals("digest")
                || next.url.getRawUserInfo() == null) {
            return false;
        }
        String challenge = DigestAuth.challenge(raw.headers("WWW-Authenticate"));
        if (challenge == null) {
            return false;
        }
        String[] credentials = RequestHeaders.userInfo(next.url).split(":", 2);
        next.authorization = DigestAuth.authorization(challenge, next.method, Urls.requestTarget(next.url),
                credentials[0], credentials.length > 1 ? credentials[1] : "");
        return true;
    }

    /** The last round trip: the body decoded for the script, the samples, the outcome. */
    private HttpOutcome completed(Exchange exchange, String method, URI url, RawResponse raw, Timings timings) {
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
        return outcome(url, error == null ? raw : null, scriptBody, error, errorCode, timings, exchange.connection());
    }

    /**
     * Whether the round trip is tried again, as Go's transport does: after the HTTP/2 failures it retries
     * ({@link Http2RetryableFailure}), whatever the method, on a new connection at once until the request ends, or
     * on the same one up to 7 times, waiting before the second and later ones; a request that met a kept connection
     * the server had closed meanwhile, once.
     *
     * @throws InterruptedException when the VU stops during the wait
     */
    private boolean retries(Next next, Exchange exchange, String method, Throwable failure)
            throws InterruptedException {
        if (failure instanceof Http2RetryableFailure retryable) {
            if (aborted != null || (retryable.backsOff() && next.http2Retries > MAX_HTTP2_RETRY)) {
                return false;
            }
            if (retryable.backsOff()) {
                backOff(next.http2Retries++);
            }
            return true;   // aborted meanwhile: the next round trip fails at once, with the timeout's error
        }
        if (!next.retried && staleConnection(exchange, method, failure)) {
            next.retried = true;
            return true;
        }
        return false;
    }

    /**
     * Go's wait before HTTP/2 retry number {@code retry} (from 0): none before the first, then 1 s, 2 s, 4 s ... with
     * up to 10 % more at random. A timeout or the VU stopping ends it early.
     */
    private void backOff(int retry) throws InterruptedException {
        if (retry == 0) {
            return;
        }
        long millis = (long) ((1000L << (retry - 1)) * (1 + 0.1 * ThreadLocalRandom.current().nextDouble()));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (aborted == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 20));
        }
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

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    // ---- samples and the outcome -------------------------------------------------------------------------------

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
                client.traffic.takeReceived(), client.tagsMemo);
    }

    private HttpOutcome outcome(URI url, RawResponse raw, Object body, HttpError error, int errorCode,
                                Timings timings, Connection connection) {
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
        return new HttpOutcome(url.toString(), raw, body, error, errorCode, timings, ip, port, tlsVersion, cipher,
                firstRequest);
    }
}
