package dev.k6j.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.K6jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSourcesTest {

    @TempDir
    Path dir;

    @Test
    void aSingleSourceIsTheDefaultAndItsValuesAreRedacted() throws IOException {
        Files.writeString(dir.resolve("s.txt"), "a=1234\nlonger=1234567\n");
        SecretSources sources = SecretSources.parse(List.of("file=s.txt"), dir, Map.of());
        assertThat(sources.redact("1234567")).isEqualTo("1234567");
        assertThat(sources.get(null, "a")).isEqualTo("1234");
        assertThat(sources.get("file", "longer")).isEqualTo("1234567");
        assertThat(sources.redact("x 1234567 y 1234")).isEqualTo("x ***SECRET_REDACTED*** y ***SECRET_REDACTED***");
    }

    @Test
    void severalSourcesNeedADefault() {
        SecretSources sources = SecretSources.parse(List.of("env=name=one,prefix=A_", "env=name=two,prefix=B_"), dir,
                Map.of("A_x", "ax", "B_x", "bx"));
        assertThat(sources.get("two", "x")).isEqualTo("bx");
        assertThatThrownBy(() -> sources.get(null, "x")).hasMessageContaining("no default secret source");
        SecretSources marked = SecretSources.parse(List.of("env=name=one,prefix=A_", "env=name=two,prefix=B_,default"),
                dir, Map.of("A_x", "ax", "B_x", "bx"));
        assertThat(marked.get(null, "x")).isEqualTo("bx");
    }

    @Test
    void badFlagsAreConfigurationErrors() {
        assertThatThrownBy(() -> SecretSources.parse(List.of("file=missing.txt"), dir, Map.of()))
                .isInstanceOf(K6jException.class).hasMessageContaining("cannot read the secret source file");
        assertThatThrownBy(() -> SecretSources.parse(List.of("env", "env"), dir, Map.of()))
                .hasMessageContaining("two secret sources are named 'env'");
    }

    @Test
    void theMockSourceTakesItsSecretsFromTheFlag() {
        SecretSources sources = SecretSources.parse(List.of("mock=name=cli,a=1,b=x=y,default"), dir, Map.of());
        assertThat(sources.get(null, "b")).isEqualTo("x=y");
        assertThat(sources.get("cli", "a")).isEqualTo("1");
        assertThatThrownBy(() -> sources.get(null, "c")).hasMessageContaining("no secret 'c' in secret source 'cli'");
        assertThatThrownBy(() -> SecretSources.parse(List.of("mock=novalue"), dir, Map.of()))
                .isInstanceOf(K6jException.class).hasMessageContaining("KEY=VALUE");
    }

    @Test
    void urlSourceSettingsAreCheckedBeforeTheRun() throws IOException {
        assertThatThrownBy(() -> SecretSources.parse(List.of("url"), dir, Map.of()))
                .isInstanceOf(K6jException.class).hasMessageContaining("needs urlTemplate");
        assertThatThrownBy(() -> SecretSources.parse(List.of("url=urlTemplate=http://x/secrets"), dir, Map.of()))
                .hasMessageContaining("{key} placeholder");
        assertThatThrownBy(() -> SecretSources.parse(List.of("url=urlTemplate=ftp://x/{key}"), dir, Map.of()))
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> SecretSources.parse(List.of("url=urlTemplate=http://x/{key},maxRetries=-1"), dir,
                Map.of())).hasMessageContaining("maxRetries must be non-negative");
        assertThatThrownBy(() -> SecretSources.parse(List.of("url=urlTemplate=http://x/{key},colour=red"), dir,
                Map.of())).hasMessageContaining("unknown url source setting 'colour'");
        Files.writeString(dir.resolve("url.json"), "{\"urlTemplate\": \"http://file/{key}\", \"timeout\": \"5s\","
                + " \"headers\": {\"X-A\": \"1\"}}");
        UrlSourceConfig config = UrlSourceConfig.of(List.of("config=url.json", "method=POST"), dir,
                Map.of("K6_SECRET_SOURCE_URL_URL_TEMPLATE", "http://env/{key}", "K6_SECRET_SOURCE_URL_TIMEOUT", "9s"));
        assertThat(config.url("k")).hasToString("http://file/k");
        assertThat(config.timeout()).hasSeconds(5);
        assertThat(config.method()).isEqualTo("POST");
        assertThat(config.headers()).containsEntry("X-A", "1");
        assertThat(config.maxRetries()).isEqualTo(3);
    }
}
