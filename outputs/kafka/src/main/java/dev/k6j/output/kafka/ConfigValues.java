package dev.k6j.output.kafka;

import dev.k6j.output.kafka.KafkaConfig.AuthMechanism;
import dev.k6j.output.kafka.KafkaConfig.Format;
import dev.k6j.spi.ConfigValue;
import dev.k6j.spi.LayeredConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of {@link KafkaConfig} while they are read, source after source ({@link LayeredConfig}), each one
 * overriding what the ones before it set, as xk6-output-kafka's {@code Config.Apply} does. Used by one thread, once.
 */
final class ConfigValues extends LayeredConfig {

    static final String ENV = "K6_KAFKA_";
    static final String TAGS_AS_FIELDS_ENV = "K6_INFLUXDB_TAGS_AS_FIELDS";

    /** The keys of the config file and of the {@code --out} argument (xk6's, then k6j's additions). */
    static final Set<String> KEYS = Set.of("brokers", "topic", "format", "authMechanism", "user", "password", "ssl",
            "insecureSkipTLSVerify", "pushInterval", "logError", "version", "influxdb", "compression", "acks",
            "deliveryTimeout");

    private static final List<String> COMPRESSIONS = List.of("none", "gzip", "snappy", "lz4", "zstd");
    private static final List<String> ACKS = List.of("all", "1", "0");

    private List<String> brokers = List.of();
    private String topic;
    private String format = "json";
    private String authMechanism = "none";
    private String user;
    private String password;
    private boolean ssl;
    private boolean insecureSkipTlsVerify;
    private Duration pushInterval = KafkaConfig.DEFAULT_PUSH_INTERVAL;
    private boolean logError = true;
    private List<String> tagsAsFields = TagsAsFields.DEFAULT;
    private String version;
    private String compression = "lz4";
    private String acks = "all";
    private Duration deliveryTimeout = KafkaConfig.DEFAULT_DELIVERY_TIMEOUT;

    /** The {@code --config} file's {@code collectors.kafka} object; an unknown key is an error. */
    @Override
    public void applyJson(Map<String, Object> json) {
        for (Map.Entry<String, Object> entry : json.entrySet()) {
            if (entry.getValue() != null) { // JSON null: not set, as with Go's null types
                apply(entry.getKey(), entry.getValue(), "the config file's collectors.kafka");
            }
        }
    }

    /** The {@code K6_KAFKA_*} variables and {@code K6_INFLUXDB_TAGS_AS_FIELDS}, as envconfig reads them. */
    @Override
    public void applyEnvironment(Map<String, String> env) {
        fromEnvironment(env, ENV + "BROKERS", v -> brokers = v.list().isEmpty() ? brokers : v.list());
        fromEnvironment(env, ENV + "TOPIC", v -> topic = v.text());
        fromEnvironment(env, ENV + "FORMAT", v -> format = v.text());
        fromEnvironment(env, ENV + "AUTH_MECHANISM", v -> authMechanism = v.text());
        fromEnvironment(env, ENV + "SASL_USER", v -> user = v.text());
        fromEnvironment(env, ENV + "SASL_PASSWORD", v -> password = v.text());
        fromEnvironment(env, ENV + "SSL", v -> ssl = v.bool());
        fromEnvironment(env, ENV + "INSECURE_SKIP_TLS_VERIFY", v -> insecureSkipTlsVerify = v.bool());
        fromEnvironment(env, ENV + "PUSH_INTERVAL", v -> pushInterval = v.duration());
        fromEnvironment(env, ENV + "LOG_ERROR", v -> logError = v.bool());
        fromEnvironment(env, ENV + "VERSION", v -> version = v.text());
        fromEnvironment(env, ENV + "COMPRESSION", v -> compression = v.text());
        fromEnvironment(env, ENV + "ACKS", v -> acks = v.text());
        fromEnvironment(env, ENV + "DELIVERY_TIMEOUT", v -> deliveryTimeout = v.duration());
        fromEnvironment(env, TAGS_AS_FIELDS_ENV, v -> tagsAsFields = v.list().isEmpty() ? tagsAsFields : v.list());
    }

    /** The {@code --out kafka=<argument>}: xk6's {@code key=value,…} form ({@link OutArgument}). */
    @Override
    public void applyArgument(String argument) {
        OutArgument.parse(argument).forEach((key, value) -> apply(key, value, "--out kafka"));
    }

    private void apply(String key, Object value, String source) {
        String where = source + " " + key;
        switch (key) {
            case "brokers" -> brokers = list(value);
            case "topic" -> topic = text(value, where);
            case "format" -> format = text(value, where);
            case "authMechanism" -> authMechanism = text(value, where);
            case "user" -> user = text(value, where);
            case "password" -> password = text(value, where);
            case "ssl" -> ssl = bool(value, where);
            case "insecureSkipTLSVerify" -> insecureSkipTlsVerify = bool(value, where);
            case "pushInterval" -> pushInterval = duration(value, where);
            case "logError" -> logError = bool(value, where);
            case "version" -> version = text(value, where);
            case "compression" -> compression = text(value, where);
            case "acks" -> acks = text(value, where);
            case "deliveryTimeout" -> deliveryTimeout = duration(value, where);
            case "influxdb" -> {
                if (!(value instanceof Map<?, ?> influx)) {
                    throw new IllegalArgumentException(where + " must be a group of settings such as"
                            + " influxdb.tagsAsFields={url,vu:int}");
                }
                influx.forEach((name, item) -> {
                    if (!"tagsAsFields".equals(name)) {
                        throw new IllegalArgumentException("'influxdb." + name + "' is not a setting of the kafka"
                                + " output: the only influxdb setting is influxdb.tagsAsFields");
                    }
                    tagsAsFields = list(item);
                });
            }
            default -> throw new IllegalArgumentException("'" + key + "' is not a setting of " + source
                    + ": the settings are " + String.join(", ", new TreeSet<>(KEYS)));
        }
    }

    /** Checks the settings together and makes the configuration. */
    KafkaConfig toConfig() {
        if (brokers.isEmpty()) {
            throw new IllegalArgumentException("the kafka output needs at least one broker: --out"
                    + " kafka=brokers={host:9092},topic=k6, or " + ENV + "BROKERS=host:9092");
        }
        for (String broker : brokers) {
            int colon = broker.lastIndexOf(':');
            if (colon <= 0 || colon == broker.length() - 1 || !broker.substring(colon + 1).chars()
                    .allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("the broker '" + broker + "' is not host:port, e.g."
                        + " localhost:9092");
            }
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("the kafka output needs a topic: --out kafka=…,topic=k6, or "
                    + ENV + "TOPIC=k6");
        }
        Format chosenFormat = switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> Format.JSON;
            case "influxdb" -> Format.INFLUXDB;
            default -> throw new IllegalArgumentException("the format '" + format + "' is not json or influxdb");
        };
        AuthMechanism mechanism = Arrays.stream(AuthMechanism.values())
                .filter(m -> m.text().equals(authMechanism.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the auth mechanism '" + authMechanism + "' is not"
                        + " none, plain, scram-sha-256 or scram-sha-512"));
        if (mechanism != AuthMechanism.NONE && (user == null || password == null)) {
            throw new IllegalArgumentException("user and password are required when auth mechanism is provided ("
                    + ENV + "SASL_USER and " + ENV + "SASL_PASSWORD, or user and password)");
        }
        if (pushInterval.isNegative() || pushInterval.isZero()) {
            throw new IllegalArgumentException("the push interval must be positive, not " + pushInterval);
        }
        if (deliveryTimeout.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("the delivery timeout must be at least 100ms, not " + deliveryTimeout);
        }
        String codec = compression.strip().toLowerCase(Locale.ROOT);
        if (!COMPRESSIONS.contains(codec)) {
            throw new IllegalArgumentException("the compression '" + compression + "' is not one of "
                    + String.join(", ", COMPRESSIONS));
        }
        String ackMode = acks.strip().toLowerCase(Locale.ROOT).equals("-1") ? "all" : acks.strip().toLowerCase(
                Locale.ROOT);
        if (!ACKS.contains(ackMode)) {
            throw new IllegalArgumentException("acks '" + acks + "' is not all, 1 or 0");
        }
        return new KafkaConfig(brokers, topic.strip(), chosenFormat, mechanism, Optional.ofNullable(user),
                Optional.ofNullable(password), ssl, insecureSkipTlsVerify, pushInterval, logError,
                TagsAsFields.parse(tagsAsFields), Optional.ofNullable(version), codec, ackMode, deliveryTimeout);
    }

    private static String text(Object value, String where) {
        return new ConfigValue(where, value).text();
    }

    /** A boolean as Go's {@code strconv.ParseBool} reads it, or a JSON boolean. */
    private static boolean bool(Object value, String where) {
        return new ConfigValue(where, value).bool();
    }

    /** A duration as k6 reads it ({@code 500ms}, {@code 1s}); in JSON a number means milliseconds. */
    private static Duration duration(Object value, String where) {
        return new ConfigValue(where, value).duration();
    }

    /** A list: a JSON array or {@code {a,b}}, or text with the items separated by commas (as envconfig splits it). */
    private static List<String> list(Object value) {
        return new ConfigValue("list", value).list();
    }
}
