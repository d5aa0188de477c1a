package dev.k6j.engine.config;

import dev.k6j.engine.errors.K6jException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads test options from {@code K6_*} environment variables, with k6's names. */
public final class EnvironmentOptions {

    private EnvironmentOptions() {
    }

    public static Map<String, Object> read(Map<String, String> env) {
        Map<String, Object> options = new LinkedHashMap<>();
        integer(env, "K6_VUS", "vus", options);
        string(env, "K6_DURATION", "duration", options);
        integer(env, "K6_ITERATIONS", "iterations", options);
        if (present(env, "K6_STAGES")) {
            options.put("stages", Stages.parseList(Arrays.asList(env.get("K6_STAGES").split(",")), "K6_STAGES"));
        }
        bool(env, "K6_PAUSED", "paused", options);
        bool(env, "K6_NO_THRESHOLDS", "noThresholds", options);
        bool(env, "K6_NO_SETUP", "noSetup", options);
        bool(env, "K6_NO_TEARDOWN", "noTeardown", options);
        bool(env, "K6_NO_SUMMARY", "noSummary", options);
        string(env, "K6_SETUP_TIMEOUT", "setupTimeout", options);
        string(env, "K6_TEARDOWN_TIMEOUT", "teardownTimeout", options);
        string(env, "K6_HANDLE_SUMMARY_TIMEOUT", "handleSummaryTimeout", options);
        string(env, "K6_MIN_ITERATION_DURATION", "minIterationDuration", options);
        list(env, "K6_SUMMARY_TREND_STATS", "summaryTrendStats", options);
        string(env, "K6_SUMMARY_TIME_UNIT", "summaryTimeUnit", options);
        list(env, "K6_SYSTEM_TAGS", "systemTags", options);
        string(env, "K6_HTTP_DEBUG", "httpDebug", options);
        bool(env, "K6_INSECURE_SKIP_TLS_VERIFY", "insecureSkipTLSVerify", options);
        string(env, "K6_USER_AGENT", "userAgent", options);
        integer(env, "K6_BATCH", "batch", options);
        integer(env, "K6_BATCH_PER_HOST", "batchPerHost", options);
        integer(env, "K6_MAX_REDIRECTS", "maxRedirects", options);
        bool(env, "K6_NO_CONNECTION_REUSE", "noConnectionReuse", options);
        bool(env, "K6_NO_VU_CONNECTION_REUSE", "noVUConnectionReuse", options);
        bool(env, "K6_NO_COOKIES_RESET", "noCookiesReset", options);
        bool(env, "K6_DISCARD_RESPONSE_BODIES", "discardResponseBodies", options);
        bool(env, "K6_THROW", "throw", options);
        string(env, "K6_DNS", "dns", options);
        list(env, "K6_BLACKLIST_IPS", "blacklistIPs", options);
        list(env, "K6_BLOCK_HOSTNAMES", "blockHostnames", options);
        return options;
    }

    private static boolean present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    private static void string(Map<String, String> env, String name, String key, Map<String, Object> options) {
        if (present(env, name)) {
            options.put(key, env.get(name).trim());
        }
    }

    private static void list(Map<String, String> env, String name, String key, Map<String, Object> options) {
        if (present(env, name)) {
            options.put(key, List.of(env.get(name).trim().split("\\s*,\\s*")));
        }
    }

    private static void integer(Map<String, String> env, String name, String key, Map<String, Object> options) {
        if (present(env, name)) {
            try {
                options.put(key, Long.parseLong(env.get(name).trim()));
            } catch (NumberFormatException e) {
                throw K6jException.invalidConfig(name + "='" + env.get(name) + "' is not a whole number");
            }
        }
    }

    private static void bool(Map<String, String> env, String name, String key, Map<String, Object> options) {
        if (present(env, name)) {
            String value = env.get(name).trim().toLowerCase(java.util.Locale.ROOT);
            switch (value) {
                case "true", "1", "yes" -> options.put(key, true);
                case "false", "0", "no" -> options.put(key, false);
                default -> throw K6jException.invalidConfig(name + "='" + env.get(name) + "' must be true or false");
            }
        }
    }
}
