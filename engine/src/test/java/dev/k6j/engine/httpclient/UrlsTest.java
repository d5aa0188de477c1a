package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void credentialsAreMaskedAsK6MasksThem() {
        assertThat(Urls.clean(URI.create("http://user:secret@host/a"))).isEqualTo("http://****:****@host/a");
        assertThat(Urls.clean(URI.create("http://user@host/a"))).isEqualTo("http://****@host/a");
        assertThat(Urls.clean(URI.create("http://host/a?b=c"))).isEqualTo("http://host/a?b=c");
    }

    @Test
    void characterAUriMayNotHoldArePercentEncoded() {
        assertThat(Urls.parse("http://host/a b?q=\"x\"").toString()).isEqualTo("http://host/a%20b?q=%22x%22");
    }

    @Test
    void badUrlsGetK6sCodes() {
        assertThatThrownBy(() -> Urls.parse("http://")).isInstanceOfSatisfying(HttpError.class,
                e -> assertThat(e.code()).isEqualTo(1020));
        assertThatThrownBy(() -> Urls.parse("ftp://host/")).isInstanceOfSatisfying(HttpError.class,
                e -> assertThat(e.getMessage()).contains("unsupported protocol scheme"));
    }

    @Test
    void redirectsResolveRelativeToTheAnsweringUrl() {
        URI base = URI.create("http://host:8080/a/b?c");
        assertThat(Urls.resolve(base, "/x").toString()).isEqualTo("http://host:8080/x");
        assertThat(Urls.resolve(base, "y").toString()).isEqualTo("http://host:8080/a/y");
        assertThat(Urls.resolve(base, "https://other/").toString()).isEqualTo("https://other/");
    }

    @Test
    void headerNamesAreCanonical() {
        assertThat(HeaderNames.canonical("content-type")).isEqualTo("Content-Type");
        assertThat(HeaderNames.canonical("X-CUSTOM-header")).isEqualTo("X-Custom-Header");
        assertThat(HeaderNames.canonical("etag")).isEqualTo("Etag");
    }
}
