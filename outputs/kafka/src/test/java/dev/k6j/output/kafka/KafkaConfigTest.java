package dev.k6j.output.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.output.kafka.KafkaConfig.AuthMechanism;
import dev.k6j.output.kafka.KafkaConfig.Format;
import dev.k6j.output.kafka.TagsAsFields.Kind;
import dev.k6j.testkit.OutputTestKit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** xk6-output-kafka's settings, sources and defaults, as k6j reads them. */
class KafkaConfigTest {

    private static KafkaConfig read(String argument, Map<String, Object> json, Map<String, String> env) {
        return KafkaConfig.from(OutputTestKit.params(new KafkaOutputFactory(), argument, json, env, Path.of("."),
                System.out));
    }

    private static KafkaConfig read(String argument) {
        return read(argument, Map.of(), Map.of());
    }

    @Test
    void defaultsAreXk6s() {
        KafkaConfig config = read("brokers=localhost:9092,topic=k6");

        assertThat(config.brokers()).containsExactly("localhost:9092");
        assertThat(config.format()).isEqualTo(Format.JSON);
        assertThat(config.authMechanism()).isEqualTo(AuthMechanism.NONE);
        assertThat(config.pushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.logError()).isTrue();
        assertThat(config.ssl()).isFalse();
        assertThat(config.insecureSkipTlsVerify()).isFalse();
        assertThat(config.tagsAsFields().describe()).containsExactly("vu", "iter", "url");
        assertThat(config.acks()).isEqualTo("all");
        assertThat(config.compression()).isEqualTo("lz4");
        assertThat(config.deliveryTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theArgumentTakesXk6sFormWithListsAndNestedKeys() {
        KafkaConfig config = read("brokers={b1:9092,b2:9093},topic=k6,format=influxdb,"
                + "influxdb.tagsAsFields={url,vu:int,ratio:float,ok:bool},pushInterval=250ms,ssl=true,"
                + "insecureSkipTLSVerify=t,logError=false,authMechanism=scram-sha-512,user=k6,password=s\\,ecret,"
                + "version=2.8.0");

        assertThat(config.brokers()).containsExactly("b1:9092", "b2:9093");
        assertThat(config.format()).isEqualTo(Format.INFLUXDB);
        assertThat(config.tagsAsFields().kinds()).containsExactly(Map.entry("url", Kind.STRING),
                Map.entry("vu", Kind.INT), Map.entry("ratio", Kind.FLOAT), Map.entry("ok", Kind.BOOL));
        assertThat(config.pushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.ssl()).isTrue();
        assertThat(config.insecureSkipTlsVerify()).isTrue();
        assertThat(config.logError()).isFalse();
        assertThat(config.authMechanism()).isEqualTo(AuthMechanism.SCRAM_SHA_512);
        assertThat(config.password()).contains("s,ecret");
        assertThat(config.version()).contains("2.8.0");
        assertThat(config.toString()).contains("password=***").doesNotContain("ecret");
    }

    @Test
    void theEnvironmentUsesXk6sVariables() {
        KafkaConfig config = read("", Map.of(), Map.of("K6_KAFKA_BROKERS", "b1:9092,b2:9092", "K6_KAFKA_TOPIC", "t",
                "K6_KAFKA_FORMAT", "influxdb", "K6_KAFKA_AUTH_MECHANISM", "plain", "K6_KAFKA_SASL_USER", "u",
                "K6_KAFKA_SASL_PASSWORD", "p", "K6_KAFKA_SSL", "true", "K6_KAFKA_PUSH_INTERVAL", "2s",
                "K6_KAFKA_LOG_ERROR", "false", "K6_INFLUXDB_TAGS_AS_FIELDS", "url,iter:int"));

        assertThat(config.brokers()).containsExactly("b1:9092", "b2:9092");
        assertThat(config.topic()).isEqualTo("t");
        assertThat(config.authMechanism()).isEqualTo(AuthMechanism.PLAIN);
        assertThat(config.user()).contains("u");
        assertThat(config.ssl()).isTrue();
        assertThat(config.pushInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.logError()).isFalse();
        assertThat(config.tagsAsFields().describe()).containsExactly("url", "iter:int");
    }

    @Test
    void laterSourcesWinConfigFileThenEnvironmentThenArgument() {
        Map<String, Object> json = Map.of("brokers", List.of("json:9092"), "topic", "from-json", "format", "influxdb",
                "pushInterval", 5000, "influxdb", Map.of("tagsAsFields", List.of("status:int")));
        KafkaConfig fileOnly = read("", json, Map.of());
        KafkaConfig envOverFile = read("", json, Map.of("K6_KAFKA_TOPIC", "from-env"));
        KafkaConfig argumentOverAll = read("topic=from-argument", json, Map.of("K6_KAFKA_TOPIC", "from-env"));

        assertThat(fileOnly.brokers()).containsExactly("json:9092");
        assertThat(fileOnly.pushInterval()).isEqualTo(Duration.ofSeconds(5)); // a JSON number is milliseconds
        assertThat(fileOnly.tagsAsFields().describe()).containsExactly("status:int");
        assertThat(envOverFile.topic()).isEqualTo("from-env");
        assertThat(argumentOverAll.topic()).isEqualTo("from-argument");
        assertThat(argumentOverAll.format()).isEqualTo(Format.INFLUXDB);
    }

    @Test
    void mistakesAreOneLineNamingTheSetting() {
        assertThatThrownBy(() -> read("topic=k6")).hasMessageContaining("needs at least one broker");
        assertThatThrownBy(() -> read("brokers=b:9092")).hasMessageContaining("needs a topic");
        assertThatThrownBy(() -> read("brokers=b,topic=k6")).hasMessageContaining("'b' is not host:port");
        assertThatThrownBy(() -> read("brokers=b:1,topic=k6,format=avro"))
                .hasMessage("the format 'avro' is not json or influxdb");
        assertThatThrownBy(() -> read("brokers=b:1,topic=k6,authMechanism=gssapi"))
                .hasMessageContaining("'gssapi' is not none, plain, scram-sha-256 or scram-sha-512");
        assertThatThrownBy(() -> read("brokers=b:1,topic=k6,authMechanism=plain,user=u"))
                .hasMessageStartingWith("user and password are required when auth mechanism is provided");
        assertThatThrownBy(() -> read("brokers=b:1,topic=k6,pushInterval=soon"))
                .hasMessageStartingWith("--out kafka pushInterval 'soon' is not a duration");
        assertThatThrownBy(() -> read("brokers=b:1,topic=k6,pushInterval=0s"))
                .hasMessageContaining("push interval must be positive");
        assertThatThrownBy(() -> read("brokers=b:1,topic=k6,ssl=maybe"))
                .hasMessage("--out kafka ssl must be true or false, not 'maybe'");
        assertThatThrownBy(() -> read("brokers=b:1,topic=k6,colour=red"))
                .hasMessageStartingWith("'colour' is not a setting of --out kafka: the settings are");
        assertThatThrownBy(() -> read("brokers=b:1,topic=k6,influxdb.tagsAsFields={vu:long}"))
                .hasMessageContaining("'long' (for 'vu') is not a field type");
        assertThatThrownBy(() -> read("brokers=b:1,topic=k6,influxdb.tagsAsFields={vu,vu:int}"))
                .hasMessageContaining("the tag 'vu' is listed more than once");
        assertThatThrownBy(() -> read("brokers={b:1,topic=k6")).hasMessageContaining("has no closing '}'");
        assertThatThrownBy(() -> read("brokers=b:1,topic")).hasMessageContaining("could not read 'topic'");
        assertThatThrownBy(() -> read("brokers=b:1,topic=k6,compression=brotli"))
                .hasMessageContaining("'brotli' is not one of none, gzip, snappy, lz4, zstd");
    }
}
