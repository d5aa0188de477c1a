package dev.k6j.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.K6jException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputContextTest {

    private static OutputContext withConfig(Map<String, Object> config) {
        return new OutputContext(config, Map.of(), Map.of(), null, null, null);
    }

    @Test
    void anOutputGetsItsCollectorsSectionAsK6Reads() {
        OutputContext context = withConfig(Map.of(
                "collectors", Map.of("csv", Map.of("file_name", "a.csv")),
                "csv", Map.of("file_name", "ignored.csv")));

        assertThat(context.sectionFor("csv")).containsExactly(Map.entry("file_name", "a.csv"));
    }

    @Test
    void aTopLevelSectionNamedAfterTheOutputIsTheFallback() {
        OutputContext context = withConfig(Map.of("csv", Map.of("save_interval", "2s"), "vus", 10));

        assertThat(context.sectionFor("csv")).containsExactly(Map.entry("save_interval", "2s"));
        assertThat(context.sectionFor("json")).isEmpty();
        assertThat(context.sectionFor("vus")).isEmpty();
    }

    @Test
    void aCollectorsSectionThatIsNotAnObjectIsAnError() {
        assertThatThrownBy(() -> withConfig(Map.of("collectors", Map.of("csv", "a.csv"))).sectionFor("csv"))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("collectors.csv must be an object");
    }

    @Test
    void missingPartsGetDefaults() {
        OutputContext context = new OutputContext(null, null, null, null, null, null);

        assertThat(context.jsonConfig()).isEmpty();
        assertThat(context.workingDirectory()).isAbsolute();
        assertThat(context.stdout()).isSameAs(System.out);
    }
}
