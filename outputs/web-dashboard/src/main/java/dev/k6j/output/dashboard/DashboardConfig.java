package dev.k6j.output.dashboard;

import dev.k6j.engine.config.Durations;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's settings, read as k6 reads them: defaults, then {@code K6_WEB_DASHBOARD_*} variables, then the
 * query string after {@code --out web-dashboard=} ({@code port=0&period=2s&export=report.html}).
 *
 * @param port   where the page is served: 5665 by default, 0 for any free port, negative for no server at all
 * @param host   the address to listen on; empty means every interface (and {@code 127.0.0.1} in the URL shown)
 * @param period how often the page (and the recording) gets new aggregates
 * @param open   whether to open the page in the system's browser
 * @param export the HTML report written at the end; empty for none ({@code .gz}: gzip-compressed)
 * @param record the events file written while the test runs; empty for none ({@code .gz}: gzip-compressed)
 * @param tags   the tags whose values get their own aggregates (sub-metrics), {@code group} by default
 */
public record DashboardConfig(int port, String host, Duration period, boolean open, String export, String record,
                              List<String> tags) {

    static final int DEFAULT_PORT = 5665;
    static final Duration DEFAULT_PERIOD = Duration.ofSeconds(10);
    private static final String PREFIX = "K6_WEB_DASHBOARD_";

    public DashboardConfig {
        tags = List.copyOf(tags);
    }

    /** k6's defaults. */
    public static DashboardConfig defaults() {
        return new DashboardConfig(DEFAULT_PORT, "", DEFAULT_PERIOD, false, "", "", List.of("group"));
    }

    /**
     * The settings from the environment and the {@code --out} argument.
     *
     * @throws IllegalArgumentException naming the setting when a value is unusable
     */
    public static DashboardConfig from(String query, Map<String, String> environment) {
        DashboardConfig config = defaults();
        Map<String, String> env = environment;
        if (env.containsKey(PREFIX + "PORT")) {
            config = config.withPort(port(env.get(PREFIX + "PORT"), PREFIX + "PORT"));
        }
        if (env.containsKey(PREFIX + "HOST")) {
            config = config.withHost(env.get(PREFIX + "HOST"));
        }
        String export = env.containsKey(PREFIX + "EXPORT") ? env.get(PREFIX + "EXPORT") : env.get(PREFIX + "REPORT");
        if (export != null) {
            config = config.withExport(export);
        }
        if (env.containsKey(PREFIX + "RECORD")) {
            config = config.withRecord(env.get(PREFIX + "RECORD"));
        }
        if (env.containsKey(PREFIX + "PERIOD")) {
            config = config.withPeriod(period(env.get(PREFIX + "PERIOD"), PREFIX + "PERIOD"));
        }
        if ("true".equals(env.get(PREFIX + "OPEN"))) {
            config = config.withOpen(true);
        }
        if (env.containsKey(PREFIX + "TAGS")) {
            config = config.withTags(List.of(env.get(PREFIX + "TAGS").split(",")));
        }
        return query == null || query.isEmpty() ? config : config.withQuery(query);
    }

    private DashboardConfig withQuery(String query) {
        Map<String, List<String>> values = parseQuery(query);
        DashboardConfig config = this;
        String port = first(values, "port");
        if (!port.isEmpty()) {
            config = config.withPort(port(port, "port"));
        }
        String host = first(values, "host");
        if (!host.isEmpty()) {
            config = config.withHost(host);
        }
        String export = first(values, "export").isEmpty() ? first(values, "report") : first(values, "export");
        if (!export.isEmpty()) {
            config = config.withExport(export);
        }
        String record = first(values, "record");
        if (!record.isEmpty()) {
            config = config.withRecord(record);
        }
        String period = first(values, "period");
        if (!period.isEmpty()) {
            config = config.withPeriod(period(period, "period"));
        }
        if (values.containsKey("tag")) {
            config = config.withTags(values.get("tag"));
        }
        if (values.containsKey("open") && (first(values, "open").isEmpty() || first(values, "open").equals("true"))) {
            config = config.withOpen(true);
        }
        String tags = first(values, "tags");
        if (!tags.isEmpty()) {
            List<String> more = new ArrayList<>(config.tags);
            more.addAll(List.of(tags.split(",")));
            config = config.withTags(more);
        }
        return config;
    }

    /**
     * The tags that get sub-metrics: {@code scenario} always (the page's per-scenario breakdown), then the
     * {@code tags} setting ({@code group} by default, as in k6).
     */
    public List<String> precomputedTags() {
        List<String> all = new ArrayList<>();
        all.add("scenario");
        tags.stream().filter(tag -> !tag.equals("scenario")).forEach(all::add);
        return List.copyOf(all);
    }


    /** Whether a web server is started. */
    public boolean serves() {
        return port >= 0;
    }

    /** The page's URL for a port actually bound, as the banner shows it. */
    String url(int boundPort) {
        String shown = host.isEmpty() ? "127.0.0.1" : host;
        if (shown.contains(":") && !shown.startsWith("[")) {
            shown = "[" + shown + "]";
        }
        return "http://" + shown + ":" + boundPort;
    }

    DashboardConfig withPort(int value) {
        return new DashboardConfig(value, host, period, open, export, record, tags);
    }

    DashboardConfig withHost(String value) {
        return new DashboardConfig(port, value, period, open, export, record, tags);
    }

    DashboardConfig withPeriod(Duration value) {
        return new DashboardConfig(port, host, value, open, export, record, tags);
    }

    DashboardConfig withOpen(boolean value) {
        return new DashboardConfig(port, host, period, value, export, record, tags);
    }

    DashboardConfig withExport(String value) {
        return new DashboardConfig(port, host, period, open, value, record, tags);
    }

    DashboardConfig withRecord(String value) {
        return new DashboardConfig(port, host, period, open, export, value, tags);
    }

    DashboardConfig withTags(List<String> value) {
        return new DashboardConfig(port, host, period, open, export, record,
                value.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList());
    }

    private static int port(String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a port number: use 5665, 0 (any free"
                    + " port) or -1 (no web server)");
        }
    }

    private static Duration period(String text, String what) {
        Duration period;
        try {
            period = Durations.parse(text, what);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a duration: write it like 10s or 1m");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(what + " '" + text + "' must be longer than zero");
        }
        return period;
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? "" : list.getFirst();
    }

    /** Go's {@code url.ParseQuery}: {@code &}-separated {@code name=value} pairs, percent-decoded. */
    private static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--out web-dashboard's settings '" + text + "' are not a valid query"
                    + " string: write them like port=0&period=2s");
        }
    }
}
