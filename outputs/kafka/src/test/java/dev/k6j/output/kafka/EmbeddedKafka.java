package dev.k6j.output.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node Kafka (KRaft, broker and controller in one node) in the test JVM, one per test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedKafka KAFKA = new EmbeddedKafka();
 * ... KAFKA.bootstrapServers(), KAFKA.createTopic(), KAFKA.records(topic), KAFKA.restartBroker(...)
 * }</pre>
 *
 * It drives Kafka's own test kit ({@code KafkaClusterTestKit}, an internal API that moves between versions) in its
 * own class loader ({@link TestKitClassLoader}), through the few reflective calls below, so only this class knows
 * it. Topics and records are handled with the tests' own client. Topics are not created on first use, so a missing
 * topic stays missing. Listeners bind to random loopback ports; a restarted broker keeps its port.
 */
final class EmbeddedKafka implements BeforeAllCallback, AfterAllCallback {

    private static final String KIT = "org.apache.kafka.common.test.";
    private static final Map<String, String> BROKER_CONFIG = Map.of(
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "auto.create.topics.enable", "false",
            "group.initial.rebalance.delay.ms", "0");

    /** The tests' own Kafka clients log their configuration at INFO; only errors are of interest here. */
    private static final java.util.logging.Logger CLIENT_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");

    /** The super user of a SASL broker, as the test kit sets it up. */
    static final String SASL_USER = "plain-admin";
    static final String SASL_PASSWORD = "plain-admin-secret";
    /** The SCRAM user tests may add with {@link #addScramUser}; a super user. */
    static final String SCRAM_USER = "k6-scram";
    /** The password of a TLS broker's key store. */
    static final String KEY_STORE_PASSWORD = "k6j-test";

    private final boolean saslPlain;
    private final Path tlsKeyStore;
    private ClassLoader kit;
    private Object cluster;
    private String bootstrapServers;

    /** A broker with a plaintext listener. */
    EmbeddedKafka() {
        this(false, null);
    }

    private EmbeddedKafka(boolean saslPlain, Path tlsKeyStore) {
        this.saslPlain = saslPlain;
        this.tlsKeyStore = tlsKeyStore;
    }

    /**
     * A broker whose listener speaks TLS with the certificate in {@code keyStore} (PKCS#12, password
     * {@link #KEY_STORE_PASSWORD}), which no client trusts.
     */
    static EmbeddedKafka tls(Path keyStore) {
        return new EmbeddedKafka(false, keyStore);
    }

    /** A broker whose listener wants SASL PLAIN ({@link #SASL_USER}, {@link #SASL_PASSWORD}), with ACLs on. */
    static EmbeddedKafka saslPlain() {
        return new EmbeddedKafka(true, null);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        CLIENT_LOG.setLevel(java.util.logging.Level.SEVERE);
        kit = TestKitClassLoader.get();
        inKit(() -> {
            Object nodesBuilder = kit.loadClass(KIT + "TestKitNodes$Builder").getConstructor().newInstance();
            call(nodesBuilder, "setCombined", true);
            call(nodesBuilder, "setNumBrokerNodes", 1);
            call(nodesBuilder, "setNumControllerNodes", 1);
            if (saslPlain) {
                Object protocol = kit.loadClass("org.apache.kafka.common.security.auth.SecurityProtocol")
                        .getMethod("valueOf", String.class).invoke(null, "SASL_PLAINTEXT");
                call(nodesBuilder, "setBrokerSecurityProtocol", protocol);
            }
            Object nodes = call(nodesBuilder, "build");
            Object builder = kit.loadClass(KIT + "KafkaClusterTestKit$Builder")
                    .getConstructor(nodes.getClass()).newInstance(nodes);
            Map<String, String> config = new java.util.HashMap<>(BROKER_CONFIG);
            if (saslPlain) {
                // the kit turns SASL PLAIN on but leaves the JAAS login to its JUnit runner; give it per listener
                String listener = String.valueOf(call(call(nodes, "brokerListenerName"), "value"));
                config.put("listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + SASL_USER
                                + "\" password=\"" + SASL_PASSWORD + "\" user_" + SASL_USER + "=\"" + SASL_PASSWORD
                                + "\";");
                // SCRAM too, for users added with addScramUser
                config.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512");
                for (String scram : List.of("scram-sha-256", "scram-sha-512")) {
                    config.put("listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + "." + scram
                            + ".sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
                }
                // the controller listener stays plaintext: its anonymous broker must pass the kit's ACLs too
                config.put("super.users", "User:" + SASL_USER + ";User:ANONYMOUS;User:" + SCRAM_USER);
            }
            if (tlsKeyStore != null) {
                // the kit offers plaintext and SASL only; its protocol map yields to one given here
                String listener = String.valueOf(call(call(nodes, "brokerListenerName"), "value"));
                config.put("listener.security.protocol.map", listener + ":SSL,"
                        + call(call(nodes, "controllerListenerName"), "value") + ":PLAINTEXT");
                String prefix = "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".ssl.";
                config.put(prefix + "keystore.location", tlsKeyStore.toString());
                config.put(prefix + "keystore.password", KEY_STORE_PASSWORD);
                config.put(prefix + "key.password", KEY_STORE_PASSWORD);
                config.put(prefix + "keystore.type", "PKCS12");
                // the broker talks to itself over this listener too: it trusts its own certificate
                config.put(prefix + "truststore.location", tlsKeyStore.toString());
                config.put(prefix + "truststore.password", KEY_STORE_PASSWORD);
                config.put(prefix + "truststore.type", "PKCS12");
                config.put(prefix + "endpoint.identification.algorithm", "");
            }
            for (Map.Entry<String, String> entry : config.entrySet()) {
                builder.getClass().getMethod("setConfigProp", String.class, Object.class)
                        .invoke(builder, entry.getKey(), entry.getValue());
            }
            cluster = call(builder, "build");
            call(cluster, "format");
            call(cluster, "startup");
            call(cluster, "waitForReadyBrokers");
            bootstrapServers = (String) call(cluster, "bootstrapServers");
            return null;
        });
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (cluster != null) {
            inKit(() -> call(cluster, "close"));
        }
    }

    /** {@code localhost:<port>}. */
    String bootstrapServers() {
        return bootstrapServers;
    }

    private Admin admin() {
        return Admin.create(clientProperties(Map.of()));
    }

    /** What the tests' own clients need to reach this broker, plus {@code more}. */
    private Map<String, Object> clientProperties(Map<String, Object> more) {
        Map<String, Object> props = new java.util.HashMap<>(more);
        props.put("bootstrap.servers", bootstrapServers);
        if (tlsKeyStore != null) {
            props.put("security.protocol", "SSL");
            props.put("ssl.truststore.location", tlsKeyStore.toString());
            props.put("ssl.truststore.password", KEY_STORE_PASSWORD);
            props.put("ssl.truststore.type", "PKCS12");
            props.put("ssl.endpoint.identification.algorithm", "");
        }
        if (saslPlain) {
            props.put("security.protocol", "SASL_PLAINTEXT");
            props.put("sasl.mechanism", "PLAIN");
            props.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"" + SASL_USER + "\" password=\"" + SASL_PASSWORD + "\";");
        }
        return props;
    }

    /** A new topic with a unique name and {@code partitions} partitions. */
    String createTopic(int partitions) throws Exception {
        String name = "k6-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return name;
    }

    /** Every record on the topic, from the beginning to the current end, as text. */
    List<String> records(String topic) {
        Map<String, Object> props = clientProperties(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!reachedEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read topic " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Stops the broker (the controller stays up), waits {@code down}, and starts it again on the same port. */
    void restartBroker(Duration down) throws Exception {
        Object broker = ((Map<?, ?>) inKit(() -> call(cluster, "brokers"))).values().iterator().next();
        inKit(() -> {
            call(broker, "shutdown");
            call(broker, "awaitShutdown");
            return null;
        });
        Thread.sleep(down.toMillis());
        inKit(() -> call(broker, "startup"));
    }

    /** Adds a SCRAM user (a super user, so no ACLs are needed) to a SASL broker. */
    void addScramUser(String mechanism, String user, String password) throws Exception {
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.fromMechanismName(mechanism), 4096), password)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /** How many records the topic holds, from its partitions' end offsets. */
    long recordCount(String topic) throws Exception {
        try (Admin admin = admin()) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    /** The topics that exist now. */
    Set<String> topics() throws Exception {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    /** Runs {@code action} with the kit's class loader as the context loader, which Kafka loads plugins from. */
    private Object inKit(java.util.concurrent.Callable<Object> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(kit);
        try {
            return action.call();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Calls a public method of the kit by name, with arguments of primitive or exact types. */
    private static Object call(Object target, String method, Object... args) throws Exception {
        for (Method candidate : target.getClass().getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
                return candidate.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + method);
    }
}
