package dev.k6j.engine.httpclient;

import dev.k6j.spi.TagSet;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One k6 request as the script described it, read on the VU thread and immutable after: everything the client
 * needs without touching JavaScript again.
 *
 * @param method           e.g. {@code GET}
 * @param url              the absolute URL
 * @param name             the {@code name} tag from {@code http.url}, or {@code null} (the URL is used)
 * @param headers          request headers by canonical name ({@code Content-Type}); in the order given
 * @param body             the body bytes (before {@code compression}), or {@code null} for none
 * @param timeout          the limit for the whole request, redirects included
 * @param maxRedirects     redirects to follow
 * @param redirectsGiven   whether the script said how many (else stopping at the limit logs a warning, as in k6)
 * @param auth             "" (basic from the URL's credentials), "basic", "digest" or "ntlm"
 * @param cookies          {@code params.cookies}: name to cookie
 * @param jar              the jar to read and store cookies, or {@code null} for none
 * @param responseType     what becomes of the body
 * @param compression      algorithms the body is compressed with, in order ({@code gzip}, {@code deflate})
 * @param callback         which statuses are expected, or {@code null} (no {@code http_req_failed} sample)
 * @param tags             tags of this request's samples: the VU's tags plus {@code params.tags}
 * @param vuTags           the VU's tags only (for {@code data_sent} and {@code data_received})
 * @param metadata         the VU's sample metadata
 * @param throwErrors      a failure throws in the script instead of giving status 0
 */
public record HttpRequestSpec(String method, URI url, String name, Map<String, List<String>> headers, byte[] body,
                              Duration timeout, int maxRedirects, boolean redirectsGiven, String auth,
                              Map<String, RequestCookie> cookies, CookieJar jar, ResponseType responseType,
                              List<String> compression, ResponseCallback callback, TagSet tags, TagSet vuTags,
                              TagSet metadata, boolean throwErrors) {

    /** A cookie given in {@code params.cookies}; {@code replace} hides the jar's cookie of the same name. */
    public record RequestCookie(String value, boolean replace) {
    }

    /** {@code params.responseType}. */
    public enum ResponseType {
        TEXT, BINARY, NONE;

        public static ResponseType of(String name) {
            return switch (name) {
                case "text" -> TEXT;
                case "binary" -> BINARY;
                case "none" -> NONE;
                default -> throw new IllegalArgumentException("invalid responseType '" + name
                        + "'; use text, binary or none");
            };
        }
    }
}
