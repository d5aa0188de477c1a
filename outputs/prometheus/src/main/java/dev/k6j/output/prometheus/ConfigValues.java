package dev.k6j.output.prometheus;

import dev.k6j.spi.ConfigValue;
import dev.k6j.spi.LayeredConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings of {@link PrometheusConfig} while they are read, source after source ({@link LayeredConfig}), each
 * one overriding what the ones before it set, as k6's {@code Config.Apply} does. Used by one thread, once.
 */
final class ConfigValues extends LayeredConfig {

    static final String ENV = "K6_PROMETHEUS_RW_";

    /** The config-file keys, as k6 names them. */
    static final Set<String> JSON_KEYS = Set.of("url", "headers", "insecureSkipTLSVerify", "tlsMinVersion",
            "username", "password", "clientCertificate", "clientCertificateKey", "bearerToken", "pushInterval",
            "trendAsNativeHistogram", "trendStats", "staleMarkers", "sigV4Region", "sigV4AccessKey", "sigV4SecretKey");

    private String url = PrometheusConfig.DEFAULT_URL;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String username;
    private String password;
    private String bearerToken;
    private String clientCertificate;
    private String clientCertificateKey;
    private boolean insecureSkipTlsVerify;
    private String tlsMinVersion = "1.3";
    private Duration pushInterval = PrometheusConfig.DEFAULT_PUSH_INTERVAL;
    private List<String> trendStats = TrendStat.DEFAULT;
    private boolean trendAsNativeHistogram;
    private boolean staleMarkers;
    private final Map<String, String> sigV4 = new TreeMap<>();

    private ConfigValues() {
    }

    static ConfigValues defaults() {
        return new ConfigValues();
    }

    /** The {@code --config} file's section: k6's JSON keys; an unknown key is an error. */
    @Override
    public void applyJson(Map<String, Object> json) {
        for (Map.Entry<String, Object> entry : json.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (value == null) {
                continue; // JSON null: not set, as with k6's null types
            }
            String where = "the config file's " + key;
            switch (key) {
                case "url" -> url = text(value);
                case "headers" -> {
                    if (!(value instanceof Map<?, ?> map)) {
                        throw new IllegalArgumentException(where + " must be an object of header names to values");
                    }
                    map.forEach((name, headerValue) -> headers.put(String.valueOf(name), text(headerValue)));
                }
                case "insecureSkipTLSVerify" -> insecureSkipTlsVerify = bool(value, where);
                case "tlsMinVersion" -> tlsMinVersion = text(value);
                case "username" -> username = text(value);
                case "password" -> password = text(value);
                case "clientCertificate" -> clientCertificate = text(value);
                case "clientCertificateKey" -> clientCertificateKey = text(value);
                case "bearerToken" -> bearerToken = text(value);
                case "pushInterval" -> pushInterval = new ConfigValue(where, value).duration();
                case "trendAsNativeHistogram" -> trendAsNativeHistogram = bool(value, where);
                case "trendStats" -> trendStats = list(value);
                case "staleMarkers" -> staleMarkers = bool(value, where);
                case "sigV4Region", "sigV4AccessKey", "sigV4SecretKey" -> sigV4.put(key, text(value));
                default -> throw new IllegalArgumentException("the config file's collectors.experimental-prometheus-rw"
                        + " has an unknown key '" + key + "': the keys are " + String.join(", ",
                        new java.util.TreeSet<>(JSON_KEYS)));
            }
        }
    }

    /** The {@code K6_PROMETHEUS_RW_*} variables, as k6 reads them. */
    @Override
    public void applyEnvironment(Map<String, String> env) {
        fromEnvironment(env, ENV + "SERVER_URL", v -> url = v.text());
        fromEnvironment(env, ENV + "INSECURE_SKIP_TLS_VERIFY", v -> insecureSkipTlsVerify = v.bool());
        // k6's code reads _TLS_MINIMUM_VERSION and its docs name _TLS_MIN_VERSION: both work, the code's name wins
        fromEnvironment(env, ENV + "TLS_MIN_VERSION", v -> tlsMinVersion = v.text());
        fromEnvironment(env, ENV + "TLS_MINIMUM_VERSION", v -> tlsMinVersion = v.text());
        fromEnvironment(env, ENV + "USERNAME", v -> username = v.text());
        fromEnvironment(env, ENV + "PASSWORD", v -> password = v.text());
        fromEnvironment(env, ENV + "CLIENT_CERTIFICATE", v -> clientCertificate = v.text());
        fromEnvironment(env, ENV + "CLIENT_CERTIFICATE_KEY", v -> clientCertificateKey = v.text());
        fromEnvironment(env, ENV + "BEARER_TOKEN", v -> bearerToken = v.text());
        fromEnvironment(env, ENV + "PUSH_INTERVAL", v -> pushInterval = v.duration());
        fromEnvironment(env, ENV + "TREND_AS_NATIVE_HISTOGRAM", v -> trendAsNativeHistogram = v.bool());
        fromEnvironment(env, ENV + "TREND_STATS", v -> trendStats = v.list());
        fromEnvironment(env, ENV + "STALE_MARKERS", v -> staleMarkers = v.bool());
        fromEnvironment(env, ENV + "SIGV4_REGION", v -> sigV4.put("sigV4Region", v.text()));
        fromEnvironment(env, ENV + "SIGV4_ACCESS_KEY", v -> sigV4.put("sigV4AccessKey", v.text()));
        fromEnvironment(env, ENV + "SIGV4_SECRET_KEY", v -> sigV4.put("sigV4SecretKey", v.text()));
        new TreeMap<>(env).forEach((name, headerValue) -> {
            if (name.startsWith(ENV + "HEADERS_") && name.length() > (ENV + "HEADERS_").length()) {
                headers.put(name.substring((ENV + "HEADERS_").length()), headerValue);
            }
        });
        String value = env.get(ENV + "HTTP_HEADERS");
        if (value != null) {
            for (String pair : value.split(",", -1)) {
                String[] parts = pair.split(":", -1);
                if (parts.length != 2) {
                    throw new IllegalArgumentException(ENV + "HTTP_HEADERS: the header '" + pair
                            + "' is not in the form <name>:<value>");
                }
                headers.put(parts[0], parts[1]);
            }
        }
    }

    /**
     * The {@code --out experimental-prometheus-rw=<argument>}: a URL ({@code http://…} or {@code https://…}), or
     * k6's {@code key=value} pairs separated by commas ({@code url}, {@code insecureSkipTLSVerify},
     * {@code tlsMinVersion}, {@code username}, {@code password}, {@code bearerToken}, {@code pushInterval},
     * {@code trendAsNativeHistogram}, {@code staleMarkers}, {@code clientCertificate},
     * {@code clientCertificateKey}, {@code headers.<Name>}). k6 itself ignores the argument; k6j reads it.
     */
    @Override
    public void applyArgument(String argument) {
        String text = argument == null ? "" : argument.strip();
        if (text.isEmpty()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            url = text;
            return;
        }
        for (String option : text.split(",", -1)) {
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("could not read '" + option + "' in --out experimental-"
                        + "prometheus-rw=" + text + ": give the endpoint URL or key=value pairs such as"
                        + " url=http://localhost:9090/api/v1/write,pushInterval=10s");
            }
            String key = option.substring(0, equals).strip();
            String value = option.substring(equals + 1);
            String where = "--out experimental-prometheus-rw " + key;
            switch (key) {
                case "url" -> url = value;
                case "insecureSkipTLSVerify" -> insecureSkipTlsVerify = bool(value, where);
                case "tlsMinVersion" -> tlsMinVersion = value;
                case "username" -> username = value;
                case "password" -> password = value;
                case "bearerToken" -> bearerToken = value;
                case "pushInterval" -> pushInterval = new ConfigValue(where, value).duration();
                case "trendAsNativeHistogram" -> trendAsNativeHistogram = bool(value, where);
                case "staleMarkers" -> staleMarkers = bool(value, where);
                case "clientCertificate" -> clientCertificate = value;
                case "clientCertificateKey" -> clientCertificateKey = value;
                default -> {
                    if (!key.startsWith("headers.") || key.length() == "headers.".length()) {
                        throw new IllegalArgumentException("'" + key + "' is not an option of --out"
                                + " experimental-prometheus-rw: use url, pushInterval, username, password,"
                                + " bearerToken, headers.<Name>, insecureSkipTLSVerify, tlsMinVersion,"
                                + " clientCertificate, clientCertificateKey, trendAsNativeHistogram, staleMarkers");
                    }
                    headers.put(key.substring("headers.".length()), value);
                }
            }
        }
    }

    /** Checks the settings together and makes the configuration. */
    PrometheusConfig toConfig(Path workingDirectory) {
        sigV4.values().removeIf(String::isBlank);
        if (!sigV4.isEmpty() && sigV4.size() != 3) {
            throw new IllegalArgumentException("SigV4 is only partly configured: set all of " + ENV + "SIGV4_REGION, "
                    + ENV + "SIGV4_ACCESS_KEY and " + ENV + "SIGV4_SECRET_KEY (sigV4Region, sigV4AccessKey,"
                    + " sigV4SecretKey), or none");
        }
        if (pushInterval.isNegative() || pushInterval.isZero()) {
            throw new IllegalArgumentException("the push interval must be positive, not " + pushInterval);
        }
        if (!tlsMinVersion.equals("1.2") && !tlsMinVersion.equals("1.3")) {
            throw new IllegalArgumentException("the TLS minimum version '" + tlsMinVersion + "' is not 1.2 or 1.3");
        }
        if ((clientCertificate == null) != (clientCertificateKey == null)) {
            throw new IllegalArgumentException("a client certificate needs both " + ENV + "CLIENT_CERTIFICATE and "
                    + ENV + "CLIENT_CERTIFICATE_KEY (clientCertificate and clientCertificateKey)");
        }
        return new PrometheusConfig(endpoint(url), headers, Optional.ofNullable(username),
                Optional.ofNullable(password), Optional.ofNullable(bearerToken).filter(t -> !t.isEmpty()),
                Optional.ofNullable(clientCertificate).map(p -> workingDirectory.resolve(p)),
                Optional.ofNullable(clientCertificateKey).map(p -> workingDirectory.resolve(p)),
                insecureSkipTlsVerify, tlsMinVersion, pushInterval, TrendStat.parseAll(trendStats),
                trendAsNativeHistogram, staleMarkers, PrometheusConfig.DEFAULT_REQUEST_TIMEOUT,
                sigV4.isEmpty() ? Optional.empty() : Optional.of(new SigV4Signer(sigV4.get("sigV4Region").strip(),
                        sigV4.get("sigV4AccessKey").strip(), sigV4.get("sigV4SecretKey").strip(),
                        SigV4Signer.PROMETHEUS_SERVICE)));
    }

    private static URI endpoint(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the remote-write URL '" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("the remote-write URL '" + text + "' must be an http:// or https://"
                    + " URL with a host, such as " + PrometheusConfig.DEFAULT_URL);
        }
        return uri;
    }

    private static String text(Object value) {
        return String.valueOf(value);
    }

    /** A boolean as Go's {@code strconv.ParseBool} reads it, or a JSON boolean. */
    private static boolean bool(Object value, String where) {
        return new ConfigValue(where, value).bool();
    }

    /** A list: a JSON array, or text with the items separated by commas (as envconfig splits it). */
    private static List<String> list(Object value) {
        return new ConfigValue("trendStats", value).list();
    }
}
