package dev.k6j.resolver.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionCatalogTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInCatalogHasK6jsOwnExtensionsAndTheTemplate() {
        ExtensionCatalog catalog = CatalogLoader.builtIn();

        assertThat(catalog.forModule("k6/x/tcp").orElseThrow().coordinates()).isEqualTo("dev.k6j:k6j-module-tcp");
        assertThat(catalog.forModule("k6/net/grpc").orElseThrow().artifactId()).isEqualTo("k6j-module-grpc");
        assertThat(catalog.forOutput("experimental-prometheus-rw").orElseThrow().artifactId())
                .isEqualTo("k6j-output-prometheus");
        assertThat(catalog.forModule("k6/x/tcp").orElseThrow().versions()).singleElement()
                .asString().doesNotContain("${");
        CatalogEntry greeting = catalog.forModule("k6/x/greeting").orElseThrow();
        assertThat(greeting.coordinates()).isEqualTo("com.example:k6j-greeting");
        assertThat(greeting.spi()).isEqualTo("[0.1,0.2)");
        assertThat(greeting.source()).isEqualTo("built-in");
    }

    @Test
    void laterCatalogsOverrideEarlierOnesByKeyAndByName() throws IOException {
        Path company = Files.writeString(dir.resolve("company.json"), """
                {
                  "k6/x/greeting": {"coordinates": "com.acme:greeting-fork", "versions": ["2.0.0"],
                                    "repository": {"id": "acme", "url": "https://repo.acme.test/maven2"}},
                  "counter": {"groupId": "com.acme", "artifactId": "k6j-counter", "outputs": ["counter"],
                              "description": "Counts samples", "repository": "https://repo.acme.test/other"}
                }
                """);

        ExtensionCatalog catalog = new CatalogLoader(dir.resolve("cache"), false, w -> { })
                .load(company.getFileName().toString(), dir);

        CatalogEntry greeting = catalog.forModule("k6/x/greeting").orElseThrow();
        assertThat(greeting.coordinates()).isEqualTo("com.acme:greeting-fork");
        assertThat(greeting.imports()).containsExactly("k6/x/greeting");
        assertThat(greeting.repository()).isEqualTo(new CatalogEntry.Repository("acme", "https://repo.acme.test/maven2"));
        assertThat(greeting.source()).isEqualTo(company.toString());
        assertThat(catalog.forOutput("counter").orElseThrow().repository().id()).isEqualTo("catalog-repo.acme.test");
        assertThat(catalog.search("COUNTS")).extracting(CatalogEntry::key).containsExactly("counter");
        assertThat(catalog.sources()).containsExactly("built-in", company.toString());
    }

    @Test
    void aBrokenCatalogIsOneLineNamingTheFileAndTheEntry() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{\"k6/x/a\": {\"description\": \"no coordinates\"}}");
        Files.writeString(dir.resolve("notjson.json"), "{oops");
        CatalogLoader loader = new CatalogLoader(dir.resolve("cache"), false, w -> { });

        assertThatThrownBy(() -> loader.load("bad.json", dir))
                .hasMessage("the entry 'k6/x/a' of the extension catalog " + dir.resolve("bad.json")
                        + " has no Maven coordinates: add \"groupId\" and \"artifactId\" (or \"coordinates\":"
                        + " \"group:artifact\")");
        assertThatThrownBy(() -> loader.load("notjson.json", dir))
                .hasMessageStartingWith("the extension catalog " + dir.resolve("notjson.json") + " is not valid JSON");
        assertThatThrownBy(() -> loader.load("missing.json", dir))
                .hasMessage("the extension catalog " + dir.resolve("missing.json")
                        + " (from K6J_EXTENSION_CATALOG) does not exist");
        assertThatThrownBy(() -> loader.load("http://plain.test/catalog.json", dir))
                .hasMessageContaining("is plain HTTP");
    }

    @Test
    void anUnreachableCatalogUrlFallsBackToTheCopyKeptOrSaysSo() throws IOException {
        List<String> warnings = new ArrayList<>();
        CatalogLoader offline = new CatalogLoader(dir.resolve("cache"), true, warnings::add);

        assertThatThrownBy(() -> offline.load("https://catalog.invalid/k6j.json", dir))
                .hasMessageContaining("k6j is offline, and no copy of it is kept in " + dir.resolve("cache/catalogs"));
    }
}
