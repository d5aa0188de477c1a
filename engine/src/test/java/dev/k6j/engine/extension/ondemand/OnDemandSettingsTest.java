package dev.k6j.engine.extension.ondemand;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnDemandSettingsTest {

    @Test
    void onByDefaultAndOffWithK6sSwitchReadAsGoReadsBooleans() {
        assertThat(OnDemandSettings.from(Map.of(), "/home/u", null).enabled()).isTrue();
        assertThat(OnDemandSettings.from(Map.of("K6_AUTO_EXTENSION_RESOLUTION", "false"), "/home/u", null).enabled())
                .isFalse();
        assertThat(OnDemandSettings.from(Map.of("K6_AUTO_EXTENSION_RESOLUTION", "0"), "/home/u", null).enabled())
                .isFalse();
        assertThat(OnDemandSettings.from(Map.of("K6_BINARY_PROVISIONING", "F"), "/home/u", null).enabled()).isFalse();
        assertThat(OnDemandSettings.from(Map.of("K6_BINARY_PROVISIONING", "false", "K6_AUTO_EXTENSION_RESOLUTION",
                "true"), "/home/u", null).enabled()).isTrue();
        assertThat(OnDemandSettings.from(Map.of("K6_AUTO_EXTENSION_RESOLUTION", "nope"), "/home/u", null).enabled())
                .isTrue();
    }

    @Test
    void offlineCatalogsCacheAndMavenComeFromTheEnvironment() {
        OnDemandSettings settings = OnDemandSettings.from(Map.of("K6J_OFFLINE", "true", "K6J_EXTENSION_CATALOG",
                "a.json,https://x.test/c.json", "XDG_CACHE_HOME", "/xdg", "K6J_MAVEN_SETTINGS", "/s.xml"), "/home/u",
                "/m2");

        assertThat(settings.offline()).isTrue();
        assertThat(settings.catalogs()).isEqualTo("a.json,https://x.test/c.json");
        assertThat(settings.cacheDir()).isEqualTo(Path.of("/xdg/k6j"));
        assertThat(settings.mavenSettings()).isEqualTo(Path.of("/s.xml"));
        assertThat(settings.localRepository()).isEqualTo(Path.of("/m2"));
        assertThat(OnDemandSettings.from(Map.of(), "/home/u", null).cacheDir()).isEqualTo(Path.of("/home/u/.cache/k6j"));
        assertThat(OnDemandSettings.from(Map.of("K6J_CACHE_DIR", "/c"), "/home/u", null).cacheDir())
                .isEqualTo(Path.of("/c"));
    }
}
