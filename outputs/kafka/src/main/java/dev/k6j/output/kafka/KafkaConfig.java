package dev.k6j.output.kafka;

import dev.k6j.spi.OutputParams;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code kafka} output's configuration, with xk6-output-kafka's names and defaults. Read by
 * {@link #from(OutputParams)} from, in increasing precedence: the defaults, the {@code --config} file's
 * {@code collectors.kafka} object, the {@code K6_KAFKA_*} environment variables, and the
 * {@code --out kafka=<argument>}. Immutable.
 *
 * @param brokers               the bootstrap brokers, {@code host:port}
 * @param topic                 the topic every sample goes to
 * @param format                how a sample becomes a record
 * @param authMechanism         SASL, or none
 * @param user                  the SASL user
 * @param password              the SASL password
 * @param ssl                   whether the connection uses TLS
 * @param insecureSkipTlsVerify whether the brokers' certificates and host names go unchecked
 * @param pushInterval          how often buffered samples are handed to the producer
 * @param logError              whether failed deliveries are logged as they happen (they are always counted)
 * @param tagsAsFields          for {@link Format#INFLUXDB}: the tags written as fields
 * @param version               xk6's Kafka protocol version; the Java client negotiates it, so it is only kept
 * @param compression           the producer's compression codec (k6j's addition)
 * @param acks                  {@code all}, {@code 1} or {@code 0} (k6j's addition); idempotence needs {@code all}
 * @param deliveryTimeout       how long a record may take, retries included, before it counts as failed
 *                              (k6j's addition); also bounds the checks at start
 */
public record KafkaConfig(
        List<String> brokers,
        String topic,
        Format format,
        AuthMechanism authMechanism,
        Optional<String> user,
        Optional<String> password,
        boolean ssl,
        boolean insecureSkipTlsVerify,
        Duration pushInterval,
        boolean logError,
        TagsAsFields tagsAsFields,
        Optional<String> version,
        String compression,
        String acks,
        Duration deliveryTimeout) {

    /** xk6's default push interval. */
    public static final Duration DEFAULT_PUSH_INTERVAL = Duration.ofSeconds(1);
    /** k6j's default delivery time-out. */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    /** What a record holds. */
    public enum Format {
        /** k6's JSON output {@code Point} line. */
        JSON,
        /** InfluxDB v1 line protocol, as k6's InfluxDB output writes it. */
        INFLUXDB;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code K6_KAFKA_AUTH_MECHANISM}. */
    public enum AuthMechanism {
        NONE("none", null),
        PLAIN("plain", "PLAIN"),
        SCRAM_SHA_256("scram-sha-256", "SCRAM-SHA-256"),
        SCRAM_SHA_512("scram-sha-512", "SCRAM-SHA-512");

        private final String text;
        private final String saslName;

        AuthMechanism(String text, String saslName) {
            this.text = text;
            this.saslName = saslName;
        }

        /** The setting's value, e.g. {@code scram-sha-256}. */
        String text() {
            return text;
        }

        /** Kafka's {@code sasl.mechanism}, e.g. {@code SCRAM-SHA-256}; {@code null} for none. */
        String saslName() {
            return saslName;
        }
    }

    public KafkaConfig {
        brokers = List.copyOf(brokers);
    }

    /**
     * Reads and checks the configuration.
     *
     * @throws IllegalArgumentException with a message for the user, naming the setting that is wrong
     */
    public static KafkaConfig from(OutputParams params) {
        ConfigValues values = new ConfigValues();
        values.apply(params);
        return values.toConfig();
    }

    /** The settings without the password, for messages. */
    @Override
    public String toString() {
        return "KafkaConfig[brokers=" + brokers + ", topic=" + topic + ", format=" + format.text()
                + ", authMechanism=" + authMechanism.text() + ", user=" + user.orElse("")
                + (password.isPresent() ? ", password=***" : "") + ", ssl=" + ssl + ", insecureSkipTLSVerify="
                + insecureSkipTlsVerify + ", pushInterval=" + pushInterval + ", logError=" + logError
                + ", tagsAsFields=" + tagsAsFields.describe() + ", compression=" + compression + ", acks=" + acks
                + ", deliveryTimeout=" + deliveryTimeout + "]";
    }
}
