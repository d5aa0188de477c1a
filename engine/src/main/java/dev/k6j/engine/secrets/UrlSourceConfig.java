package dev.k6j.engine.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.config.Durations;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How k6's {@code url} secret source fetches a secret: {@code urlTemplate} with {@code {key}} replaced by the
 * secret's name, the HTTP {@code method} and {@code headers}, and {@code responsePath}, a dot-separated path to the
 * value in a JSON answer (empty: the whole body is the secret). Settings come, each overriding the one before, from
 * the defaults, {@code K6_SECRET_SOURCE_URL_*} variables, a JSON file ({@code config=PATH}) and the flag's own
 * {@code key=value} pairs ({@code headers.NAME=VALUE} for a header), as in k6. Immutable.
 *
 * @param requestsPerMinuteLimit requests per minute to the secret server, at most
 * @param requestsBurst          requests allowed at once above that rate
 * @param maxRetries             retries after a network error, a 5xx or a 429 (not after other 4xx)
 * @param retryBackoff           the base of the exponential wait between retries
 */
record UrlSourceConfig(String urlTemplate, Map<String, String> headers, String method, String responsePath,
                       long requestsPerMinuteLimit, long requestsBurst, Duration timeout, long maxRetries,
                       Duration retryBackoff) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENV = "K6_SECRET_SOURCE_URL_";
    private static final Map<String, String> ENV_KEYS = Map.of("URL_TEMPLATE", "urlTemplate", "METHOD", "method",
            "RESPONSE_PATH", "responsePath", "TIMEOUT", "timeout", "MAX_RETRIES", "maxRetries",
            "RETRY_BACKOFF", "retryBackoff", "REQUESTS_PER_MINUTE_LIMIT", "requestsPerMinuteLimit",
            "REQUESTS_BURST", "requestsBurst");

    /** Builds the settings from the flag's pairs (without name and default); bad ones throw IllegalArgumentException. */
    static UrlSourceConfig of(List<String> pairs, Path workingDirectory, Map<String, String> environment) {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("method", "GET", "responsePath", "",
                "requestsPerMinuteLimit", 300L, "requestsBurst", 10L, "timeout", "30s", "maxRetries", 3L,
                "retryBackoff", "1s"));
        Map<String, String> headers = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV + "HEADER_")) {
                headers.put(name.substring((ENV + "HEADER_").length()), value);
            } else if (name.startsWith(ENV) && ENV_KEYS.containsKey(name.substring(ENV.length())) && !value.isEmpty()) {
                settings.put(ENV_KEYS.get(name.substring(ENV.length())), value);
            }
        });
        Map<String, Object> inline = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("invalid url source setting '" + pair + "', expected key=value");
            }
            String key = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            if (key.equals("config")) {
                apply(readFile(workingDirectory.resolve(value)), settings, headers);
            } else if (key.startsWith("headers.")) {
                inline.computeIfAbsent("headers", k -> new LinkedHashMap<String, Object>());
                @SuppressWarnings("unchecked")
                Map<String, Object> inlineHeaders = (Map<String, Object>) inline.get("headers");
                inlineHeaders.put(key.substring("headers.".length()), value);
            } else {
                inline.put(key, value);
            }
        }
        apply(inline, settings, headers);
        UrlSourceConfig config = new UrlSourceConfig(String.valueOf(settings.getOrDefault("urlTemplate", "")),
                Map.copyOf(headers), String.valueOf(settings.get("method")), String.valueOf(settings.get("responsePath")),
                number(settings, "requestsPerMinuteLimit"), number(settings, "requestsBurst"),
                Durations.parse(settings.get("timeout"), "timeout"), number(settings, "maxRetries"),
                Durations.parse(settings.get("retryBackoff"), "retryBackoff"));
        config.validate();
        return config;
    }

    /** The URL for the secret {@code key}. */
    URI url(String key) {
        return URI.create(urlTemplate.replace("{key}", key));
    }

    private static void apply(Map<String, Object> source, Map<String, Object> settings, Map<String, String> headers) {
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            switch (entry.getKey()) {
                case "headers" -> {
                    if (!(entry.getValue() instanceof Map<?, ?> map)) {
                        throw new IllegalArgumentException("'headers' must be an object of header names to values");
                    }
                    headers.clear(); // as in k6, a later 'headers' replaces the earlier ones
                    map.forEach((name, value) -> headers.put(String.valueOf(name), String.valueOf(value)));
                }
                case "urlTemplate", "method", "responsePath", "timeout", "retryBackoff", "requestsPerMinuteLimit",
                     "requestsBurst", "maxRetries" -> settings.put(entry.getKey(), entry.getValue());
                default -> throw new IllegalArgumentException("unknown url source setting '" + entry.getKey() + "'");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readFile(Path file) {
        try {
            return JSON.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the url source config " + file + ": " + e.getMessage());
        }
    }

    private static long number(Map<String, Object> settings, String key) {
        Object value = settings.get(key);
        try {
            return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + key + " '" + value + "': a whole number is needed");
        }
    }

    private void validate() {
        if (urlTemplate.isEmpty()) {
            throw new IllegalArgumentException("the url source needs urlTemplate (on the flag, in a config file or in "
                    + ENV + "URL_TEMPLATE)");
        }
        if (!urlTemplate.contains("{key}")) {
            throw new IllegalArgumentException("urlTemplate must contain the {key} placeholder");
        }
        try {
            URI uri = new URI(urlTemplate.replace("{key}", "test"));
            if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme())) {
                throw new IllegalArgumentException("urlTemplate must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("urlTemplate is not a valid URL: " + e.getMessage());
        }
        require(!timeout.isNegative() && !timeout.isZero(), "timeout must be greater than 0");
        require(requestsPerMinuteLimit > 0, "requestsPerMinuteLimit must be greater than 0");
        require(requestsBurst > 0, "requestsBurst must be greater than 0");
        require(maxRetries >= 0, "maxRetries must be non-negative");
        require(!retryBackoff.isNegative() && !retryBackoff.isZero(), "retryBackoff must be greater than 0");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
