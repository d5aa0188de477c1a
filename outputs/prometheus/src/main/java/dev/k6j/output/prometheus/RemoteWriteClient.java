package dev.k6j.output.prometheus;

import dev.k6j.output.prometheus.prompb.Remote;
import dev.k6j.output.prometheus.prompb.Types;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xerial.snappy.Snappy;

/**
 * Sends series to a remote-write 1.0 endpoint: a protobuf {@code WriteRequest}, snappy block-compressed, POSTed
 * with the protocol's headers and the configured ones (basic auth, bearer token, extra headers, or an AWS SigV4
 * signature), over the JDK's HTTP client (TLS, client certificates). One request per {@link #push} call, no retries (see {@link Retries}).
 *
 * <p>Threads: {@link #push} from the output's flushing thread (one at a time); {@link #close} once at the end.
 */
final class RemoteWriteClient implements AutoCloseable {

    /** Who is sending, in the {@code User-Agent} header. */
    static final String USER_AGENT = "k6j-prometheus-rw-output";

    private static final int MAX_MESSAGE = 300;

    private final URI url;
    private final HttpClient http;
    private final Map<String, String> headers;
    private final Optional<SigV4Signer> sigV4;

    RemoteWriteClient(PrometheusConfig config) {
        this.sigV4 = config.sigV4();
        this.url = sigV4.isPresent() ? SigV4Signer.canonicalUrl(config.url()) : config.url();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (url.getScheme().equalsIgnoreCase("https")) {
            builder.sslContext(TlsSettings.context(config)).sslParameters(TlsSettings.parameters(config));
        }
        this.http = builder.build();
        this.headers = requestHeaders(config);
    }

    /** The headers of every request, the protocol's last so nothing overrides them. */
    static Map<String, String> requestHeaders(PrometheusConfig config) {
        Map<String, String> headers = new LinkedHashMap<>(config.headers());
        config.username().ifPresent(user -> headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + config.password().orElse("")).getBytes(StandardCharsets.UTF_8))));
        config.bearerToken().ifPresent(token -> headers.put("Authorization", "Bearer " + token));
        headers.put("User-Agent", USER_AGENT);
        headers.put("Content-Encoding", "snappy");
        headers.put("Content-Type", "application/x-protobuf");
        headers.put("X-Prometheus-Remote-Write-Version", "0.1.0");
        return headers;
    }

    /** The body of a request: the series as a {@code WriteRequest}, snappy block-compressed. */
    static byte[] encode(List<Types.TimeSeries> series) {
        byte[] protobuf = Remote.WriteRequest.newBuilder().addAllTimeseries(series).build().toByteArray();
        try {
            return Snappy.compress(protobuf);
        } catch (IOException e) {
            throw new IllegalStateException("snappy could not compress the write request: " + e.getMessage(), e);
        }
    }

    /** Sends one encoded request and says how it went; waits at most {@code timeout} for the answer. */
    PushResult push(byte[] body, Duration timeout) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::setHeader);
        // signed for each attempt, so a retry carries a fresh date
        sigV4.ifPresent(signer -> signer.sign("POST", url, headers, body, Instant.now()).forEach(request::setHeader));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new PushResult.Failed("no answer within " + (timeout.toMillis() % 1000 == 0
                    ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
        } catch (ConnectException e) {
            // the JDK client often gives no message here, only a closed channel as the cause
            String why = e.getMessage() == null || e.getMessage().isBlank() ? "connection refused" : describe(e);
            return new PushResult.Failed("cannot connect to " + url.getHost() + ":" + port() + ": " + why);
        } catch (IOException e) {
            return new PushResult.Failed(describe(e));
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new PushResult.Accepted(status);
        }
        String message = shorten(response.body());
        if (status == 429 || status >= 500) {
            return new PushResult.Failed("HTTP " + status + (message.isEmpty() ? "" : ": " + message));
        }
        return new PushResult.Refused(status, message);
    }

    private int port() {
        return url.getPort() >= 0 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String describe(IOException e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (message.contains("parsing HTTP/1.1 status line")) {
            // The JDK quotes the bytes it got: a gRPC or other non-HTTP/1.1 port answers binary frames.
            return "the endpoint does not answer in HTTP/1.1 (is it a remote-write URL, not a gRPC or other port?); "
                    + "it sent: " + shorten(printable(message.replaceFirst("(?s)^.*?receiving \\[", "")
                    .replaceFirst("(?s)], parser state.*$", "")));
        }
        return message.toLowerCase(Locale.ROOT).startsWith("connection refused") ? "connection refused"
                : printable(message);
    }

    /** Text fit for a log line: control characters and bytes read as Latin-1 dropped. */
    static String printable(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0xff))
                .forEach(kept::appendCodePoint);
        return kept.toString().strip().replaceAll("\\s+", " ");
    }

    private static String shorten(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
