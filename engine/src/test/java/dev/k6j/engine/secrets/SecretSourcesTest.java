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
}
