package dev.k6j.engine.loader;

import dev.k6j.engine.config.Durations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Fetches {@code https://} modules as k6's loader does: a GET of the URL with {@code _k6=1} added to its query, and
 * if that fails the URL as it is; only 200 is an answer; certificates checked against {@link SystemTrust}; one
 * minute at most per request ({@code K6J_REMOTE_MODULE_TIMEOUT} changes it). With a {@link RemoteModuleCache} a
 * request is conditional, and a copy stands in when the server can't be reached (not when its certificate is
 * refused). Thread-safe.
 */
public final class RemoteModules {

    /** k6's limit for fetching one module. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

    private final Map<String, String> environment;
    private final Duration timeout;
    private final RemoteModuleCache cache;
    private final Consumer<String> warn;
    private volatile HttpClient client;

    /**
     * @param environment where the trust variables and k6j's settings are read
     * @param warn        where a warning goes (a copy from the cache used in place of the server's answer)
     */
    public RemoteModules(Map<String, String> environment, Consumer<String> warn) {
        this(environment, timeoutOf(environment), RemoteModuleCache.fromEnvironment(environment), warn);
    }

    RemoteModules(Map<String, String> environment, Duration timeout, RemoteModuleCache cache, Consumer<String> warn) {
        this.environment = environment;
        this.timeout = timeout;
        this.cache = cache;
        this.warn = warn;
    }

    private static Duration timeoutOf(Map<String, String> environment) {
        String value = environment.get("K6J_REMOTE_MODULE_TIMEOUT");
        return value == null || value.isBlank() ? DEFAULT_TIMEOUT
                : Durations.parse(value.trim(), "K6J_REMOTE_MODULE_TIMEOUT");
    }

    /** The module's text, or a {@link RemoteModuleException} whose message says why not. */
    public byte[] fetch(URI url) throws RemoteModuleException {
        Optional<RemoteModuleCache.Entry> cached = cache == null ? Optional.empty() : cache.get(url);
        Failure first;
        try {
            return fetch(withK6Query(url), url, cached);
        } catch (Failure failure) {
            first = failure;
        }
        try {
            // As k6: some servers dislike unknown query arguments, so try the URL as it is.
            return fetch(url, url, cached);
        } catch (Failure failure) {
            if (failure.unreachable && first.unreachable && cached.isPresent()) {
                warn.accept("using the copy of " + url + " cached on " + cached.get().fetchedAt()
                        + ": the server could not be reached (" + failure.getMessage() + ")");
                return cached.get().body();
            }
            throw new RemoteModuleException(url, failure.getMessage(), failure.getCause());
        }
    }

    private byte[] fetch(URI request, URI url, Optional<RemoteModuleCache.Entry> cached) throws Failure {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request).timeout(timeout).GET();
        cached.ifPresent(entry -> {
            if (entry.etag() != null) {
                builder.header("If-None-Match", entry.etag());
            }
            if (entry.lastModified() != null) {
                builder.header("If-Modified-Since", entry.lastModified());
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // A server whose certificate is not trusted was reached: that is a configuration problem (or an
            // attack), not an outage, so the cached copy does not stand in for it.
            boolean certificateRefused = causedBy(e, CertificateException.class);
            throw new Failure("Get \"" + request + "\": " + cause(e, request), e, !certificateRefused);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while fetching " + request, e, false);
        }
        if (response.statusCode() == 304 && cached.isPresent()) {
            return cached.get().body();
        }
        if (response.statusCode() == 404) {
            throw new Failure("not found: " + request, null, false);
        }
        if (response.statusCode() != 200) {
            throw new Failure("wrong status code (" + response.statusCode() + ") for: " + request, null, false);
        }
        if (cache != null) {
            cache.put(url, response.body(), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
        return response.body();
    }

    private HttpClient client() {
        HttpClient existing = client;
        if (existing == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .sslContext(SystemTrust.sslContext(environment))
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(timeout)
                            .build();
                }
                existing = client;
            }
        }
        return existing;
    }

    static URI withK6Query(URI url) {
        String query = url.getRawQuery() == null || url.getRawQuery().isEmpty() ? "_k6=1" : url.getRawQuery() + "&_k6=1";
        String fragment = url.getRawFragment() == null ? "" : "#" + url.getRawFragment();
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + "?" + query + fragment);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The cause in the words Go's HTTP client uses, so messages read like k6's. */
    private String cause(IOException e, URI url) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        if (chain.stream().anyMatch(t -> t instanceof UnknownHostException
                || t instanceof UnresolvedAddressException)) {
            return "dial tcp: lookup " + url.getHost() + ": no such host";
        }
        if (chain.stream().anyMatch(CertificateExpiredException.class::isInstance)) {
            return "tls: failed to verify certificate: x509: certificate has expired or is not yet valid";
        }
        if (chain.stream().anyMatch(t -> t instanceof CertPathBuilderException
                || t instanceof CertPathValidatorException)) {
            return "tls: failed to verify certificate: x509: certificate signed by unknown authority";
        }
        if (chain.stream().anyMatch(ConnectException.class::isInstance)) {
            return "dial tcp " + url.getRawAuthority() + ": connect: connection refused";
        }
        if (e instanceof HttpTimeoutException) {
            return "context deadline exceeded (no answer within " + Durations.format(timeout) + ")";
        }
        Throwable root = chain.get(chain.size() - 1);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return chain.stream().anyMatch(SSLException.class::isInstance) ? "tls: " + message : message;
    }

    /** One failed attempt; {@code unreachable} when no HTTP answer came (then a cached copy may stand in). */
    private static final class Failure extends Exception {
        final boolean unreachable;

        Failure(String message, Throwable cause, boolean unreachable) {
            super(message, cause, false, false);
            this.unreachable = unreachable;
        }
    }
}
