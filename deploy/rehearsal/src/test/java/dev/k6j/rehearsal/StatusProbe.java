package dev.k6j.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The runners' readiness and liveness probe as the operator defines it ({@code generateProbe} in
 * {@code pkg/resources/jobs/runner.go}: {@code GET /v1/status} on the REST API's port) with Kubernetes' defaults: a
 * one-second timeout, and success for a status from 200 to 399.
 *
 * <p>Thread-safe.
 */
final class StatusProbe {

    /** Kubernetes' default {@code timeoutSeconds}. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** One probe of {@code http://host:port/v1/status}: its outcome, never an exception. */
    Outcome probe(String hostPort) throws InterruptedException {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://" + hostPort + "/v1/status")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            boolean ok = response.statusCode() >= 200 && response.statusCode() < 400;
            return new Outcome(ok, took, response.statusCode() + " " + response.body());
        } catch (HttpTimeoutException e) {
            return new Outcome(false, Duration.ofNanos(System.nanoTime() - start), "timed out after " + TIMEOUT);
        } catch (IOException e) {
            return new Outcome(false, Duration.ofNanos(System.nanoTime() - start), e.toString());
        }
    }

    /** A probe's result: whether Kubernetes would count it a success, how long it took, what came back. */
    record Outcome(boolean ok, Duration took, String answer) {
    }
}
