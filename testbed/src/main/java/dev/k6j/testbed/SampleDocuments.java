package dev.k6j.testbed;

import java.util.List;
import java.util.Map;

/** Fixed documents for {@code /json} and {@code /html}, for selector and parsing examples. */
final class SampleDocuments {

    private SampleDocuments() {
    }

    /** What {@code /secrets/{name}} serves, to requests with {@code Authorization: Bearer SECRETS_TOKEN}. */
    static final String SECRETS_TOKEN = "testbed-token";
    static final Map<String, String> SECRETS = Map.of("api_token", "tb-api-token-8f3a", "password", "tb-p4ssw0rd");

    static final Map<String, Object> JSON = Map.of(
            "name", Map.of("first", "Grace", "last", "Hopper"),
            "age", 85,
            "languages", List.of("COBOL", "FLOW-MATIC"),
            "friends", List.of(
                    Map.of("first", "Ada", "last", "Lovelace", "age", 36),
                    Map.of("first", "Alan", "last", "Turing", "age", 41)),
            "active", true);

    static final String HTML = """
            <!DOCTYPE html>
            <html>
              <head><title>k6j testbed</title></head>
              <body>
                <h1>k6j testbed</h1>
                <a href="/get">get</a>
                <form action="/post" method="post"><input name="who" value="k6j"></form>
              </body>
            </html>
            """;
}
