package dev.k6j.output.kafka;

import dev.k6j.output.kafka.KafkaConfig.AuthMechanism;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka client settings for a {@link KafkaConfig}: the connection (brokers, TLS, SASL) shared by the admin
 * client of the start check and the producer, and the producer's delivery settings. Stateless.
 *
 * <p>Delivery: batched ({@value #LINGER_MS} ms linger, {@value #BATCH_BYTES} byte batches), compressed, idempotent
 * with {@code acks=all} by default, retried until the delivery timeout; reconnects within a second of a broker
 * coming back.
 */
final class ClientProperties {

    static final int LINGER_MS = 20;
    static final int BATCH_BYTES = 256 * 1024;
    private static final String CLIENT_ID = "k6j-output-kafka";

    private ClientProperties() {
    }

    /** What every client needs to reach the brokers. */
    static Map<String, Object> connection(KafkaConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.brokers()));
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, CLIENT_ID);
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, 50);
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        props.put(CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG, 1000);
        boolean sasl = config.authMechanism() != AuthMechanism.NONE;
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                sasl ? (config.ssl() ? "SASL_SSL" : "SASL_PLAINTEXT") : (config.ssl() ? "SSL" : "PLAINTEXT"));
        if (sasl) {
            props.put(SaslConfigs.SASL_MECHANISM, config.authMechanism().saslName());
            String module = config.authMechanism() == AuthMechanism.PLAIN
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            props.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\""
                    + jaasQuoted(config.user().orElse("")) + "\" password=\""
                    + jaasQuoted(config.password().orElse("")) + "\";");
        }
        if (config.ssl() && config.insecureSkipTlsVerify()) {
            props.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, TrustAnythingSslEngineFactory.class);
            props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "");
        }
        return props;
    }

    /** The admin client of the start check: every call bounded by {@code timeout}. */
    static Map<String, Object> admin(KafkaConfig config, Duration timeout) {
        Map<String, Object> props = connection(config);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, CLIENT_ID + "-check");
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        return props;
    }

    /** The producer: batched, compressed, idempotent (with {@code acks=all}), bounded in time. */
    static Map<String, Object> producer(KafkaConfig config) {
        Map<String, Object> props = connection(config);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, config.acks());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, config.acks().equals("all"));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        long delivery = config.deliveryTimeout().toMillis();
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms
        long request = Math.min(30_000, Math.max(50, delivery - LINGER_MS));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, delivery));
        // send() waits this long at most for metadata or buffer space; it runs on the flusher, never on a VU
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(delivery, 5_000L));
        return props;
    }

    private static String jaasQuoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
