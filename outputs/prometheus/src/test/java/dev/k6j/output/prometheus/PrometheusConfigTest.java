package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.spi.ConfigValue;
import dev.k6j.spi.OutputParams;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusConfigTest {

    private static final Path WD = Path.of("/work/dir");

    private static PrometheusConfig config(String argument, Map<String, Object> json, Map<String, String> env) {
        return PrometheusConfig.from(new OutputParams(PrometheusOutputFactory.NAME, argument, json, env, Map.of(), WD,
                System.out, System.err, System.getLogger("test")));
    }

    private static PrometheusConfig env(Map<String, String> env) {
        return config("", Map.of(), env);
    }

    private static List<String> suffixes(PrometheusConfig config) {
        return config.trendStats().stream().map(TrendStat::suffix).toList();
    }

    @Test
    void defaultsAreK6s() {
        PrometheusConfig config = config("", Map.of(), Map.of());

        assertThat(config.url()).isEqualTo(URI.create("http://localhost:9090/api/v1/write"));
        assertThat(config.pushInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(suffixes(config)).containsExactly("p99");
        assertThat(config.tlsMinVersion()).isEqualTo("1.3");
        assertThat(config.trendAsNativeHistogram()).isFalse();
        assertThat(config.staleMarkers()).isFalse();
        assertThat(config.insecureSkipTlsVerify()).isFalse();
        assertThat(config.headers()).isEmpty();
        assertThat(config.username()).isEmpty();
        assertThat(config.bearerToken()).isEmpty();
    }

    @Test
    void everyEnvironmentVariableIsRead() {
        PrometheusConfig config = env(Map.ofEntries(
                Map.entry("K6_PROMETHEUS_RW_SERVER_URL", "https://mimir.example/api/v1/push"),
                Map.entry("K6_PROMETHEUS_RW_USERNAME", "alice"),
                Map.entry("K6_PROMETHEUS_RW_PASSWORD", "secret"),
                Map.entry("K6_PROMETHEUS_RW_BEARER_TOKEN", "tok"),
                Map.entry("K6_PROMETHEUS_RW_CLIENT_CERTIFICATE", "certs/client.pem"),
                Map.entry("K6_PROMETHEUS_RW_CLIENT_CERTIFICATE_KEY", "/abs/client-key.pem"),
                Map.entry("K6_PROMETHEUS_RW_INSECURE_SKIP_TLS_VERIFY", "true"),
                Map.entry("K6_PROMETHEUS_RW_TLS_MINIMUM_VERSION", "1.2"),
                Map.entry("K6_PROMETHEUS_RW_PUSH_INTERVAL", "1m30s"),
                Map.entry("K6_PROMETHEUS_RW_TREND_STATS", "p(95),p(99.9),min,max,avg,med,count,sum,p(0.95)"),
                Map.entry("K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM", "1"),
                Map.entry("K6_PROMETHEUS_RW_STALE_MARKERS", "T"),
                Map.entry("K6_PROMETHEUS_RW_HEADERS_X-Scope-OrgID", "tenant-1"),
                Map.entry("K6_PROMETHEUS_RW_HTTP_HEADERS", "X-A:1,X-B:2")));

        assertThat(config.url()).isEqualTo(URI.create("https://mimir.example/api/v1/push"));
        assertThat(config.username()).contains("alice");
        assertThat(config.password()).contains("secret");
        assertThat(config.bearerToken()).contains("tok");
        assertThat(config.clientCertificate()).contains(WD.resolve("certs/client.pem"));
        assertThat(config.clientCertificateKey()).contains(Path.of("/abs/client-key.pem"));
        assertThat(config.insecureSkipTlsVerify()).isTrue();
        assertThat(config.tlsMinVersion()).isEqualTo("1.2");
        assertThat(config.pushInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(suffixes(config)).containsExactly("p95", "p999", "min", "max", "avg", "med", "count", "sum", "p095");
        assertThat(config.trendAsNativeHistogram()).isTrue();
        assertThat(config.staleMarkers()).isTrue();
        assertThat(config.headers()).containsExactlyInAnyOrderEntriesOf(
                Map.of("X-Scope-OrgID", "tenant-1", "X-A", "1", "X-B", "2"));
    }

    @Test
    void theDocumentedTlsMinVersionNameWorksToo() {
        assertThat(env(Map.of("K6_PROMETHEUS_RW_TLS_MIN_VERSION", "1.2")).tlsMinVersion()).isEqualTo("1.2");
        assertThat(env(Map.of("K6_PROMETHEUS_RW_TLS_MIN_VERSION", "1.2", "K6_PROMETHEUS_RW_TLS_MINIMUM_VERSION", "1.3"))
                .tlsMinVersion()).isEqualTo("1.3");
    }

    @Test
    void theConfigFileSectionUsesK6sJsonKeys() {
        Map<String, Object> json = Map.of(
                "url", "http://prom:9090/api/v1/write",
                "headers", Map.of("X-Scope-OrgID", "t"),
                "pushInterval", "2s",
                "trendStats", List.of("p(90)", "avg"),
                "trendAsNativeHistogram", false,
                "staleMarkers", true,
                "insecureSkipTLSVerify", true,
                "tlsMinVersion", "1.2",
                "username", "u",
                "password", "p");

        PrometheusConfig config = config("", json, Map.of());

        assertThat(config.url()).hasHost("prom");
        assertThat(config.headers()).containsEntry("X-Scope-OrgID", "t");
        assertThat(config.pushInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(suffixes(config)).containsExactly("p90", "avg");
        assertThat(config.staleMarkers()).isTrue();
        assertThat(config.insecureSkipTlsVerify()).isTrue();
        assertThat(config.username()).contains("u");
    }

    @Test
    void aNumericPushIntervalInJsonIsMilliseconds() {
        assertThat(config("", Map.of("pushInterval", 1500), Map.of()).pushInterval())
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void environmentOverridesTheConfigFileAndTheArgumentOverridesBoth() {
        Map<String, Object> json = Map.of("url", "http://from-json/api/v1/write", "pushInterval", "3s",
                "username", "json-user");
        Map<String, String> env = Map.of("K6_PROMETHEUS_RW_SERVER_URL", "http://from-env/api/v1/write",
                "K6_PROMETHEUS_RW_PUSH_INTERVAL", "4s");

        PrometheusConfig fromEnv = config("", json, env);
        PrometheusConfig fromArgument = config("http://from-arg:9090/api/v1/write", json, env);

        assertThat(fromEnv.url()).hasHost("from-env");
        assertThat(fromEnv.pushInterval()).isEqualTo(Duration.ofSeconds(4));
        assertThat(fromEnv.username()).contains("json-user");
        assertThat(fromArgument.url()).hasHost("from-arg");
        assertThat(fromArgument.pushInterval()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theArgumentTakesK6sKeyValueForm() {
        PrometheusConfig config = config("url=http://127.0.0.1:19090/api/v1/write,pushInterval=500ms,"
                + "headers.X-Scope-OrgID=t1,username=u,password=p,trendAsNativeHistogram=true,staleMarkers=true,"
                + "insecureSkipTLSVerify=false,tlsMinVersion=1.2,bearerToken=b", Map.of(), Map.of());

        assertThat(config.url()).isEqualTo(URI.create("http://127.0.0.1:19090/api/v1/write"));
        assertThat(config.pushInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.headers()).containsEntry("X-Scope-OrgID", "t1");
        assertThat(config.trendAsNativeHistogram()).isTrue();
        assertThat(config.staleMarkers()).isTrue();
        assertThat(config.tlsMinVersion()).isEqualTo("1.2");
        assertThat(config.bearerToken()).contains("b");
    }

    @Test
    void mistakesAreReportedByName() {
        assertThatThrownBy(() -> config("pushEvery=5s", Map.of(), Map.of()))
                .hasMessageContaining("'pushEvery' is not an option");
        assertThatThrownBy(() -> config("localhost:9090", Map.of(), Map.of()))
                .hasMessageContaining("could not read 'localhost:9090'");
        assertThatThrownBy(() -> config("url=ftp://x/y", Map.of(), Map.of()))
                .hasMessageContaining("must be an http:// or https:// URL");
        assertThatThrownBy(() -> env(Map.of("K6_PROMETHEUS_RW_PUSH_INTERVAL", "soon")))
                .hasMessageContaining("K6_PROMETHEUS_RW_PUSH_INTERVAL 'soon' is not a duration");
        assertThatThrownBy(() -> env(Map.of("K6_PROMETHEUS_RW_PUSH_INTERVAL", "0s")))
                .hasMessageContaining("push interval must be positive");
        assertThatThrownBy(() -> env(Map.of("K6_PROMETHEUS_RW_STALE_MARKERS", "yes")))
                .hasMessageContaining("K6_PROMETHEUS_RW_STALE_MARKERS must be true or false, not 'yes'");
        assertThatThrownBy(() -> env(Map.of("K6_PROMETHEUS_RW_TREND_STATS", "p(95),p95")))
                .hasMessageContaining("'p95' is not a trend stat");
        assertThatThrownBy(() -> env(Map.of("K6_PROMETHEUS_RW_TREND_STATS", "p(101)")))
                .hasMessageContaining("'p(101)' is not a trend stat");
        assertThatThrownBy(() -> env(Map.of("K6_PROMETHEUS_RW_TLS_MINIMUM_VERSION", "1.1")))
                .hasMessageContaining("'1.1' is not 1.2 or 1.3");
        assertThatThrownBy(() -> env(Map.of("K6_PROMETHEUS_RW_HTTP_HEADERS", "X-A=1")))
                .hasMessageContaining("the header 'X-A=1' is not in the form <name>:<value>");
        assertThatThrownBy(() -> env(Map.of("K6_PROMETHEUS_RW_CLIENT_CERTIFICATE", "c.pem")))
                .hasMessageContaining("needs both K6_PROMETHEUS_RW_CLIENT_CERTIFICATE and");
        assertThatThrownBy(() -> config("", Map.of("pushIntervall", "1s"), Map.of()))
                .hasMessageContaining("unknown key 'pushIntervall'");
        assertThatThrownBy(() -> env(Map.of("K6_PROMETHEUS_RW_SIGV4_REGION", "eu-west-1")))
                .hasMessageContaining("SigV4 is only partly configured: set all of K6_PROMETHEUS_RW_SIGV4_REGION,");
    }

    @Test
    void sigV4NeedsRegionAccessKeyAndSecretKeyAndKeepsTheSecretOutOfMessages() {
        PrometheusConfig fromEnv = env(Map.of("K6_PROMETHEUS_RW_SIGV4_REGION", "eu-west-1",
                "K6_PROMETHEUS_RW_SIGV4_ACCESS_KEY", "AKID", "K6_PROMETHEUS_RW_SIGV4_SECRET_KEY", "s3cr3t",
                "K6_PROMETHEUS_RW_PASSWORD", "hunter2"));
        PrometheusConfig fromJson = config("", Map.of("sigV4Region", "us-east-1", "sigV4AccessKey", "A",
                "sigV4SecretKey", "S"), Map.of());

        assertThat(fromEnv.sigV4()).contains(new SigV4Signer("eu-west-1", "AKID", "s3cr3t", "aps"));
        assertThat(fromJson.sigV4()).map(SigV4Signer::region).contains("us-east-1");
        assertThat(fromEnv.toString()).contains("eu-west-1", "AKID", "password=***").doesNotContain("s3cr3t", "hunter2");
        assertThat(config("", Map.of(), Map.of()).sigV4()).isEmpty();
    }

    @Test
    void durationsReadLikeK6() {
        assertThat(new ConfigValue("d", "1h2m3.5s").duration()).isEqualTo(Duration.ofMillis(3_723_500));
        assertThat(new ConfigValue("d", "250us").duration()).isEqualTo(Duration.ofNanos(250_000));
        assertThat(new ConfigValue("d", "1d").duration()).isEqualTo(Duration.ofDays(1));
        assertThat(new ConfigValue("d", ".5s").duration()).isEqualTo(Duration.ofMillis(500));
        // k6 reads a number without a unit as milliseconds (types.ParseExtendedDuration), in text as in JSON
        assertThat(new ConfigValue("d", "5").duration()).isEqualTo(Duration.ofMillis(5));
        assertThatThrownBy(() -> new ConfigValue("d", "5s ms").duration()).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> new ConfigValue("d", "5 s").duration()).hasMessageContaining("is not a duration");
    }
}
