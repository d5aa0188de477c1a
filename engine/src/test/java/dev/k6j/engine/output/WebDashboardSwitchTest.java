package dev.k6j.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.OutputParams;
import dev.k6j.spi.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebDashboardSwitchTest {

    private static final ExtensionRegistry BARE = ExtensionRegistry.of(List.of(), List.of());
    private static final ExtensionRegistry WITH_DASHBOARD = ExtensionRegistry.of(List.of(), List.of(new OutputFactory() {
        @Override
        public String name() {
            return "web-dashboard";
        }

        @Override
        public Output create(OutputParams params) {
            return new Output() {
                @Override
                public String description() {
                    return "web-dashboard";
                }

                @Override
                public void start() {
                }

                @Override
                public void addMetricSamples(List<Sample> samples) {
                }

                @Override
                public void stop() {
                }
            };
        }
    }));

    @Test
    void k6WebDashboardTrueAddsTheOutputAfterTheFlags() {
        assertThat(WebDashboardSwitch.outputs(List.of("json=x.json"), Map.of("K6_WEB_DASHBOARD", "true"), Map.of(),
                WITH_DASHBOARD)).containsExactly("json=x.json", "web-dashboard");
        assertThat(WebDashboardSwitch.outputs(List.of(), Map.of(), Map.of("webDashboard", true), WITH_DASHBOARD))
                .containsExactly("web-dashboard");
    }

    @Test
    void theEnvironmentSwitchIsAnOutputToFetchOnDemand() {
        assertThat(WebDashboardSwitch.requested(List.of("json=x.json"), Map.of("K6_WEB_DASHBOARD", "true"), Map.of()))
                .containsExactly("json=x.json", "web-dashboard");
        assertThat(WebDashboardSwitch.requested(List.of("web-dashboard"), Map.of("K6_WEB_DASHBOARD", "true"), Map.of()))
                .containsExactly("web-dashboard");
        assertThat(WebDashboardSwitch.requested(List.of(), Map.of("K6_WEB_DASHBOARD", "false"), Map.of())).isEmpty();
    }

    @Test
    void theConfigFileSwitchIsAnOutputToFetchOnDemandUnlessTheEnvironmentTurnsItOff() {
        assertThat(WebDashboardSwitch.requested(List.of(), Map.of(), Map.of("webDashboard", true)))
                .containsExactly("web-dashboard");
        assertThat(WebDashboardSwitch.requested(List.of(), Map.of("K6_WEB_DASHBOARD", "false"),
                Map.of("webDashboard", true))).isEmpty();
    }

    @Test
    void offByDefaultAndWhenFalseTheEnvironmentWinningOverTheConfigFile() {
        assertThat(WebDashboardSwitch.outputs(List.of(), Map.of(), Map.of(), BARE)).isEmpty();
        assertThat(WebDashboardSwitch.outputs(List.of(), Map.of("K6_WEB_DASHBOARD", "false"),
                Map.of("webDashboard", true), BARE)).isEmpty();
    }

    @Test
    void onlyTrueAndFalseAreValuesAsInK6() {
        assertThatThrownBy(() -> WebDashboardSwitch.outputs(List.of(), Map.of("K6_WEB_DASHBOARD", "1"), Map.of(),
                WITH_DASHBOARD)).isInstanceOf(K6jException.class)
                .hasMessage("K6_WEB_DASHBOARD must be true or false, not '1'");
    }

    @Test
    void theBareEngineSaysWhereTheDashboardIs() {
        assertThatThrownBy(() -> WebDashboardSwitch.outputs(List.of(), Map.of("K6_WEB_DASHBOARD", "true"), Map.of(),
                BARE)).isInstanceOf(K6jException.class)
                .hasMessage("K6_WEB_DASHBOARD asks for the web dashboard, but this k6j has no 'web-dashboard' output:"
                        + " it is k6j's 'web-dashboard' extension, part of the default distribution; add it to a bundle"
                        + " with: bundler build --with web-dashboard");
    }
}
