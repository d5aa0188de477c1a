package dev.k6j.rehearsal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The initializer's stdout read as the k6-operator reads it: {@code json.Unmarshal} of the whole log into its
 * {@code cloud.InspectOutput} ({@code pkg/cloud/inspect.go}), so anything that makes the operator fail — text
 * before or after the JSON, a field of the wrong type, a duration Go can't parse — fails here with the reason.
 *
 * @param totalDuration {@code totalDuration} in nanoseconds, or -1 when null or absent
 * @param maxVUs        {@code maxVUs} (the operator refuses a parallelism above it)
 * @param thresholds    each metric's threshold sources
 */
record InspectOutput(long totalDuration, long maxVUs, Map<String, List<String>> thresholds) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** k6's {@code types.ParseExtendedDuration}: Go's {@code time.ParseDuration}, plus days. */
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h|d)");
    private static final Map<String, BigDecimal> NANOS_PER_UNIT = Map.of("ns", BigDecimal.ONE,
            "us", BigDecimal.valueOf(1_000), "µs", BigDecimal.valueOf(1_000), "μs", BigDecimal.valueOf(1_000),
            "ms", BigDecimal.valueOf(1_000_000), "s", BigDecimal.valueOf(1_000_000_000L),
            "m", BigDecimal.valueOf(60_000_000_000L), "h", BigDecimal.valueOf(3_600_000_000_000L),
            "d", BigDecimal.valueOf(86_400_000_000_000L));

    /** Reads {@code stdout}; throws {@link IllegalArgumentException} with the reason the operator would fail. */
    static InspectOutput parse(String stdout) {
        JsonNode document;
        try {
            document = JSON.readTree(stdout);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not one JSON document: " + e.getOriginalMessage(), e);
        }
        if (document == null || document.isMissingNode()) {
            throw new IllegalArgumentException("unexpected end of JSON input: the initializer printed nothing");
        }
        require(document.isObject(), "the document is " + document.getNodeType() + ", not an object");
        checkCloud(document.get("ext"), "ext", true);
        checkCloud(document.get("cloud"), "cloud", false);
        return new InspectOutput(duration(document.get("totalDuration"), "totalDuration"),
                unsigned(document.get("maxVUs")), thresholds(document.get("thresholds")));
    }

    private static void checkCloud(JsonNode node, String name, boolean legacy) {
        if (isNull(node)) {
            return;
        }
        require(node.isObject(), name + " is not an object");
        JsonNode holder = legacy ? node.get("loadimpact") : node;
        if (isNull(holder)) {
            return;
        }
        require(holder.isObject(), name + ".loadimpact is not an object");
        JsonNode testName = holder.get("name");
        require(isNull(testName) || testName.isTextual(), name + ".name is not a string");
        JsonNode project = holder.get("projectID");
        require(isNull(project) || project.isIntegralNumber() && project.canConvertToLong(),
                name + ".projectID is not an int64");
    }

    private static long unsigned(JsonNode node) {
        if (isNull(node)) {
            return 0;
        }
        require(node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0,
                "maxVUs is " + node + ", not a uint64");
        return node.asLong();
    }

    /** k6's {@code types.Duration}: a duration string, or a number of milliseconds. */
    private static long duration(JsonNode node, String name) {
        if (isNull(node)) {
            return -1;
        }
        if (node.isNumber()) {
            return node.decimalValue().multiply(NANOS_PER_UNIT.get("ms")).longValue();
        }
        require(node.isTextual(), name + " is " + node + ", neither a duration string nor a number");
        return goDuration(node.asText(), name);
    }

    static long goDuration(String text, String name) {
        String rest = text;
        boolean negative = false;
        if (rest.startsWith("-") || rest.startsWith("+")) {
            negative = rest.startsWith("-");
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return 0;
        }
        require(!rest.isEmpty(), name + " \"" + text + "\" is not a Go duration");
        Matcher part = DURATION_PART.matcher(rest);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < rest.length()) {
            require(part.find(at) && part.start() == at, name + " \"" + text + "\" is not a Go duration");
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(NANOS_PER_UNIT.get(part.group(2))));
            at = part.end();
        }
        return negative ? -nanos.longValue() : nanos.longValue();
    }

    /** {@code map[string]*metrics.Thresholds}: per metric an array of sources or {@code {threshold, ...}} objects. */
    private static Map<String, List<String>> thresholds(JsonNode node) {
        Map<String, List<String>> thresholds = new LinkedHashMap<>();
        if (isNull(node)) {
            return thresholds;
        }
        require(node.isObject(), "thresholds is not an object");
        node.properties().forEach(entry -> {
            List<String> sources = new ArrayList<>();
            JsonNode configs = entry.getValue();
            if (!isNull(configs)) {
                require(configs.isArray(), "thresholds." + entry.getKey() + " is not an array");
                for (JsonNode config : configs) {
                    sources.add(thresholdSource(config, entry.getKey()));
                }
            }
            thresholds.put(entry.getKey(), sources);
        });
        return thresholds;
    }

    private static String thresholdSource(JsonNode config, String metric) {
        if (config.isTextual()) {
            return config.asText();
        }
        require(config.isObject(), "a threshold of " + metric + " is " + config + ", neither a string nor an object");
        JsonNode source = config.get("threshold");
        require(isNull(source) || source.isTextual(), "a threshold of " + metric + " has a non-string threshold");
        JsonNode abort = config.get("abortOnFail");
        require(isNull(abort) || abort.isBoolean(), "a threshold of " + metric + " has a non-boolean abortOnFail");
        duration(config.get("delayAbortEval"), metric + "'s delayAbortEval");
        return isNull(source) ? "" : source.asText();
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isNull();
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }
}
