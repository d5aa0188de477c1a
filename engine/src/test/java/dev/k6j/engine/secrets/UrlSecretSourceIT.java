package dev.k6j.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.cli.CliRun;
import dev.k6j.engine.modules.ModuleScripts;
import dev.k6j.testbed.Testbed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** k6's url secret source against the testbed's {@code /secrets} store over real HTTP on loopback. */
class UrlSecretSourceIT {

    private static Testbed testbed;

    @BeforeAll
    static void start() {
        testbed = Testbed.start();
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    @Test
    void aScriptReadsSecretsFromTheServerAndTheyAreRedacted() {
        CliRun run = ModuleScripts.passes("secrets-url.js",
                "--secret-source=url=urlTemplate=" + testbed.httpUrl() + "/secrets/{key},"
                        + "headers.Authorization=Bearer testbed-token,responsePath=value,maxRetries=0,default",
                "--secret-source=mock=user=alice,role=admin");
        assertThat(run.stderr()).contains("token=***SECRET_REDACTED*** user=***SECRET_REDACTED***")
                .doesNotContain("tb-api-token-8f3a");
    }

    @Test
    void theSecretsExampleRunsAgainstTheTestbedStore() {
        CliRun run = CliRun.of("run", "-q", "--secret-source=url=urlTemplate=" + testbed.httpUrl() + "/secrets/{key},"
                + "headers.Authorization=Bearer testbed-token,responsePath=value",
                Path.of("../examples/secrets.js").toAbsolutePath().normalize().toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("Bearer ***SECRET_REDACTED***").doesNotContain("tb-api-token-8f3a");
    }

    @Test
    void withoutResponsePathTheWholeBodyIsTheSecret() {
        SecretSources sources = sources("url=urlTemplate=" + testbed.httpUrl() + "/secrets/{key},"
                + "headers.Authorization=Bearer testbed-token");
        assertThat(sources.get(null, "password")).isEqualTo("{\"name\":\"password\",\"value\":\"tb-p4ssw0rd\"}");
    }

    @Test
    void settingsComeFromTheEnvironmentAndTheFlagOverridesThem() {
        SecretSources sources = SecretSources.parse(List.of("url=responsePath=value"), Path.of("."), Map.of(
                "K6_SECRET_SOURCE_URL_URL_TEMPLATE", testbed.httpUrl() + "/secrets/{key}",
                "K6_SECRET_SOURCE_URL_HEADER_AUTHORIZATION", "Bearer testbed-token",
                "K6_SECRET_SOURCE_URL_RESPONSE_PATH", "name"));
        assertThat(sources.get(null, "api_token")).isEqualTo("tb-api-token-8f3a");
    }

    @Test
    void aClientErrorIsNotRetriedAndSaysWhatTheServerAnswered() {
        SecretSources sources = sources("url=urlTemplate=" + testbed.httpUrl() + "/secrets/{key},responsePath=value,"
                + "retryBackoff=1h");
        assertThatThrownBy(() -> sources.get(null, "api_token"))
                .hasMessageContaining("secret 'api_token' from secret source 'url'").hasMessageContaining("answered status 401");
    }

    @Test
    void aValueThatIsNotAStringIsRefused() {
        SecretSources sources = sources("url=urlTemplate=" + testbed.httpUrl() + "/anything/{key},responsePath=headers");
        assertThatThrownBy(() -> sources.get(null, "x")).hasMessageContaining("at path 'headers' is not a string");
        SecretSources missing = sources("url=urlTemplate=" + testbed.httpUrl() + "/anything/{key},responsePath=a.b");
        assertThatThrownBy(() -> missing.get(null, "x")).hasMessageContaining("path 'a.b' not found");
    }

    @Test
    void aServerErrorIsRetriedThenReported() {
        SecretSources sources = sources("url=urlTemplate=" + testbed.httpUrl() + "/status/503?k={key},maxRetries=1,"
                + "retryBackoff=100ms");
        assertThatThrownBy(() -> sources.get(null, "x")).hasMessageContaining("answered status 503");
    }

    private static SecretSources sources(String flag) {
        return SecretSources.parse(List.of(flag), Path.of("."), Map.of());
    }
}
