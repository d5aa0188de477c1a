package dev.k6j.output.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The check before the test starts: are the brokers reachable (with these credentials), and is the topic there?
 * Each question is bounded in time, so a wrong address is one clear line within seconds, not a hang. Stateless;
 * called on the engine's runner thread.
 */
final class BrokerCheck {

    /** What the brokers said about the topic. */
    enum Topic { EXISTS, MISSING }

    private BrokerCheck() {
    }

    /**
     * Asks the brokers for the cluster and the topic, each within {@code timeout}.
     *
     * @throws IllegalStateException with a message for the user when the brokers cannot be reached or used
     */
    static Topic run(KafkaConfig config, Duration timeout) {
        String brokers = String.join(",", config.brokers());
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        Admin admin;
        try {
            admin = Admin.create(ClientProperties.admin(config, timeout));
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot connect to the Kafka brokers " + brokers + ": "
                    + rootMessage(e), e);
        }
        try {
            try {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).nodes()
                        .get(millis + 1000L, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw unreachable(config, brokers, timeout, e instanceof ExecutionException ? e.getCause() : e);
            }
            try {
                admin.describeTopics(List.of(config.topic()), new DescribeTopicsOptions().timeoutMs(millis))
                        .allTopicNames().get(millis + 1000L, TimeUnit.MILLISECONDS);
                return Topic.EXISTS;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    return Topic.MISSING;
                }
                if (e.getCause() instanceof AuthorizationException) {
                    throw new IllegalStateException("the Kafka brokers " + brokers + " do not let "
                            + config.user().map(u -> "user '" + u + "'").orElse("this client") + " see the topic '"
                            + config.topic() + "': " + rootMessage(e.getCause()), e.getCause());
                }
                throw unreachable(config, brokers, timeout, e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                throw unreachable(config, brokers, timeout, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the Kafka brokers " + brokers, e);
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    /** The error for a topic that is missing and was not created on first use. */
    static IllegalStateException missingTopic(KafkaConfig config) {
        return new IllegalStateException("the topic '" + config.topic() + "' does not exist on the Kafka brokers "
                + String.join(",", config.brokers()) + " and they did not create it (auto.create.topics.enable is"
                + " off): create it first, e.g. kafka-topics.sh --create --topic " + config.topic()
                + " --bootstrap-server " + config.brokers().getFirst());
    }

    private static IllegalStateException unreachable(KafkaConfig config, String brokers, Duration timeout,
            Throwable cause) {
        String message;
        if (cause instanceof SaslAuthenticationException) {
            message = "the Kafka brokers " + brokers + " refused the credentials of user '" + config.user().orElse("")
                    + "' (" + config.authMechanism().text() + "): " + rootMessage(cause);
        } else if (cause instanceof SslAuthenticationException) {
            message = "the TLS handshake with the Kafka brokers " + brokers + " failed: " + rootMessage(cause)
                    + (config.insecureSkipTlsVerify() ? "" : " (insecureSkipTLSVerify=true skips the certificate"
                    + " check)");
        } else if (cause instanceof AuthenticationException) {
            message = "the Kafka brokers " + brokers + " refused the connection: " + rootMessage(cause);
        } else if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            message = "could not reach the Kafka brokers " + brokers + " within " + timeout.toMillis() + " ms"
                    + (config.ssl() ? "" : " (is the address right, and does the listener want TLS or SASL?)");
        } else {
            message = "could not use the Kafka brokers " + brokers + ": " + rootMessage(cause);
        }
        return new IllegalStateException(message, cause);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return text == null || text.isBlank() ? root.getClass().getSimpleName() : text;
    }
}
