package dev.k6j.engine.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * k6's {@code url} secret source: each lookup is an HTTP request to the secret server ({@link UrlSourceConfig}),
 * limited to a rate, retried after network errors, 5xx and 429 answers with an exponential back-off, as k6 does.
 * Thread-safe; a lookup blocks its caller (the secrets module runs it off the VU thread).
 */
final class UrlSecretSource implements SecretSource {

    /** k6 refuses larger answers: a secret is not a document. */
    static final int MAX_SECRET_BYTES = 24 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final UrlSourceConfig config;
    private final HttpClient client;
    private final RequestRate rate;

    UrlSecretSource(String name, UrlSourceConfig config) {
        this.name = name;
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.rate = new RequestRate(config.requestsPerMinuteLimit(), config.requestsBurst());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> get(String key) {
        URI url;
        try {
            url = config.url(key);
        } catch (IllegalArgumentException e) {
            throw new SecretSources.SecretException("secret '" + key + "' from secret source '" + name
                    + "': the name does not fit in a URL: " + e.getMessage());
        }
        rate.acquire();
        Failure last = null;
        for (long attempt = 0; attempt <= config.maxRetries(); attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            try {
                return Optional.of(fetch(url));
            } catch (Failure failure) {
                last = failure;
                if (!failure.retryable) {
                    break;
                }
            }
        }
        throw new SecretSources.SecretException("secret '" + key + "' from secret source '" + name + "': "
                + last.getMessage());
    }

    private String fetch(URI url) {
        HttpResponse<InputStream> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.timeout())
                    .method(config.method(), HttpRequest.BodyPublishers.noBody());
            config.headers().forEach(request::header);
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IllegalArgumentException e) {
            throw new Failure("cannot request " + url + ": " + e.getMessage(), false);
        } catch (IOException e) {
            throw new Failure(config.method() + " " + url + " failed: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", false);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status != 200) {
                throw new Failure(config.method() + " " + url + " answered status " + status, status >= 500 || status == 429);
            }
            byte[] bytes = body.readNBytes(MAX_SECRET_BYTES + 1);
            if (bytes.length > MAX_SECRET_BYTES) {
                throw new Failure("the answer is larger than " + MAX_SECRET_BYTES + " bytes", false);
            }
            return extract(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failure("reading the answer of " + url + " failed: " + e.getMessage(), true);
        }
    }

    /** The whole body, or the string at {@code responsePath} (dot-separated; numbers index arrays) in its JSON. */
    private String extract(String body) {
        String path = config.responsePath();
        if (path.isEmpty()) {
            return body;
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new Failure("the answer is not JSON, so responsePath '" + path + "' cannot be read", false);
        }
        for (String step : path.split("\\.")) {
            node = node == null ? null : node.isArray() && step.matches("\\d+") ? node.get(Integer.parseInt(step))
                    : node.get(step);
        }
        if (node == null || node.isMissingNode()) {
            throw new Failure("path '" + path + "' not found in the answer", false);
        }
        if (!node.isTextual()) {
            throw new Failure("the value at path '" + path + "' is not a string (it is " + node.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT) + ")", false);
        }
        return node.textValue();
    }

    /** k6's wait before retry n: (backoff in seconds)^n whole seconds, plus up to a second of jitter. */
    private void pause(long attempt) {
        long seconds = (long) Math.pow(config.retryBackoff().toNanos() / 1e9, attempt);
        long millis = seconds * 1000 + ThreadLocalRandom.current().nextLong(1000);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretSources.SecretException("interrupted while waiting to retry");
        }
    }

    /** One failed attempt, and whether another may succeed. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        Failure(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }
    }
}
