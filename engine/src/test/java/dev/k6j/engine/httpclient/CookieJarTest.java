package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookieJarTest {

    private final CookieJar jar = new CookieJar();

    @Test
    void hostOnlyCookiesGoOnlyToTheirHost() {
        jar.storeFromResponse(URI.create("http://example.com/"), List.of("a=1"));
        assertThat(jar.valuesFor(URI.create("http://example.com/x"))).containsKey("a");
        assertThat(jar.valuesFor(URI.create("http://sub.example.com/"))).isEmpty();
    }

    @Test
    void domainCookiesGoToSubdomainsAndForeignDomainsAreRefused() {
        jar.storeFromResponse(URI.create("http://www.example.com/"), List.of("a=1; Domain=example.com",
                "b=2; Domain=other.org"));
        assertThat(jar.valuesFor(URI.create("http://api.example.com/"))).containsOnlyKeys("a");
    }

    @Test
    void pathsMatchOnSegmentsAndLongestPathComesFirst() {
        URI uri = URI.create("http://example.com/");
        jar.storeFromResponse(uri, List.of("p=root; Path=/", "p=deep; Path=/api"));
        assertThat(jar.valuesFor(URI.create("http://example.com/api/items")).get("p")).containsExactly("deep", "root");
        assertThat(jar.valuesFor(URI.create("http://example.com/apix")).get("p")).containsExactly("root");
    }

    @Test
    void defaultPathIsTheRequestDirectory() {
        jar.storeFromResponse(URI.create("http://example.com/docs/page"), List.of("d=1"));
        assertThat(jar.valuesFor(URI.create("http://example.com/docs/other"))).containsKey("d");
        assertThat(jar.valuesFor(URI.create("http://example.com/"))).isEmpty();
    }

    @Test
    void secureCookiesOnlyOverHttps() {
        jar.storeFromResponse(URI.create("https://example.com/"), List.of("s=1; Secure"));
        assertThat(jar.valuesFor(URI.create("http://example.com/"))).isEmpty();
        assertThat(jar.valuesFor(URI.create("https://example.com/"))).containsKey("s");
    }

    @Test
    void expiredCookiesDeleteStoredOnes() {
        URI uri = URI.create("http://example.com/");
        jar.storeFromResponse(uri, List.of("a=1; Path=/"));
        jar.storeFromResponse(uri, List.of("a=; Max-Age=0; Path=/"));
        assertThat(jar.valuesFor(uri)).isEmpty();
    }

    @Test
    void setClearAndDelete() {
        URI uri = URI.create("http://example.com/");
        assertThat(jar.set(uri, "a", "1", null, "/", false, false, -1)).isTrue();
        assertThat(jar.set(uri, "b", "2", null, "/", false, false, -1)).isTrue();
        assertThat(jar.set(uri, "c", "3", "elsewhere.org", "/", false, false, -1)).isFalse();
        jar.delete(uri, "a");
        assertThat(jar.valuesFor(uri)).containsOnlyKeys("b");
        jar.clear(uri);
        assertThat(jar.valuesFor(uri)).isEmpty();
    }
}
