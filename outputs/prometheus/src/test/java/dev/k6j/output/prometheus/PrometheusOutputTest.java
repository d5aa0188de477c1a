package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.spi.Output;
import dev.k6j.spi.OutputParams;
import dev.k6j.testkit.OutputTestKit;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery against a receiver that answers as the test says: retries, refusals, outages, stale markers. */
class PrometheusOutputTest {

    private RemoteWriteReceiver receiver;
    private OutputLog log;

    @BeforeEach
    void start() throws IOException {
        receiver = RemoteWriteReceiver.start();
        log = OutputLog.capture(PrometheusOutputFactory.NAME);
    }

    @AfterEach
    void stop() {
        log.close();
        receiver.close();
    }

    private static PrometheusOutput output(String argument) {
        return (PrometheusOutput) new PrometheusOutputFactory().create(new OutputParams(PrometheusOutputFactory.NAME,
                argument, Map.of(), Map.of(), Map.of(), Path.of("."), System.out, System.err,
                System.getLogger("k6j.output." + PrometheusOutputFactory.NAME)));
    }

    @Test
    void a5xxAnswerIsRetriedWithinThePushAndNothingIsDropped() throws Exception {
        receiver.answerWith(503, 500);
        PrometheusOutput output = output("url=" + receiver.url() + ",pushInterval=10s");
        output.start();
        output.addMetricSamples(OutputTestKit.samples(0, 50));
        output.stop();

        assertThat(receiver.received()).extracting(RemoteWriteReceiver.Received::answeredWith)
                .containsExactly(503, 500, 204);
        assertThat(output.report().dropped()).isZero();
        assertThat(log.text()).contains("pushed 10 samples of 10 series in 1 request").contains("none dropped");
    }

    @Test
    void a4xxAnswerIsReportedAndNotRetried() throws Exception {
        receiver.answerWith(400);
        PrometheusOutput output = output("url=" + receiver.url() + ",pushInterval=10s");
        output.start();
        output.addMetricSamples(OutputTestKit.samples(0, 50));
        output.stop();

        assertThat(receiver.received()).hasSize(1);
        assertThat(output.report().dropped()).isEqualTo(10);
        assertThat(log.text())
                .contains("WARNING: " + receiver.url() + " refused 10 samples with HTTP 400: status 400")
                .contains("dropped 10 samples: 10 refused by the endpoint (last: HTTP 400: status 400)");
    }

    @Test
    void whatCannotBeDeliveredAtTheEndIsReportedWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/api/v1/write";
        PrometheusOutput output = output("url=" + url + ",pushInterval=200ms");
        output.start();
        output.addMetricSamples(OutputTestKit.samples(0, 50));
        long began = System.nanoTime();
        output.stop();

        assertThat((System.nanoTime() - began) / 1e9).as("the last push retries for 5 s at most").isLessThan(8);
        assertThat(output.report().dropped()).isEqualTo(10);
        assertThat(log.text())
                .contains("WARNING: could not push 10 samples to " + url + ": cannot connect to 127.0.0.1:"
                        + closedPort + ": connection refused")
                .contains("pushed 0 samples of 10 series in 0 requests")
                .contains("dropped 10 samples: 10 not delivered at the end (cannot connect to 127.0.0.1:" + closedPort)
                .contains("SEVERE: experimental-prometheus-rw delivered nothing: none of the 50 k6j samples reached "
                        + url + " (last failure: cannot connect to 127.0.0.1:" + closedPort);
    }

    @Test
    void anEndpointThatSpeaksAnotherProtocolIsNamedAndItsBytesKeptOutOfTheLog() throws Exception {
        // What a gRPC port (the testbed's, or Prometheus's own default 9090 used wrongly) answers an HTTP/1.1 POST:
        // binary HTTP/2 frames.
        try (ServerSocket other = new ServerSocket(0)) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!other.isClosed()) {
                    try (java.net.Socket client = other.accept()) {
                        client.getInputStream().read(new byte[4096]);
                        client.getOutputStream().write(new byte[] {0, 0, 6, 4, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff,
                            (byte) 0xff, 0x7f, 0, 0x1b, 'U', 'n', 'e', 'x', 'p', 'e', 'c', 't', 'e', 'd'});
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            String url = "http://127.0.0.1:" + other.getLocalPort() + "/api/v1/write";
            PrometheusOutput output = output("url=" + url + ",pushInterval=200ms");
            output.start();
            output.addMetricSamples(OutputTestKit.samples(0, 50));
            output.stop();

            assertThat(log.text()).contains("SEVERE: experimental-prometheus-rw delivered nothing: none of the 50 k6j "
                    + "samples reached " + url)
                    .contains("the endpoint does not answer in HTTP/1.1 (is it a remote-write URL, not a gRPC or "
                            + "other port?)")
                    .doesNotContainPattern("[\\x00-\\x08\\x7f-\\xff]");
        }
    }

    @Test
    void anOutageIsMadeUpByTheNextPushWithTheValuesSoFar() throws Exception {
        PrometheusOutput output = output("url=" + receiver.url() + ",pushInterval=100ms");
        receiver.answerWith(503, 503, 503, 503, 503, 503, 503, 503, 503, 503);
        output.start();
        output.addMetricSamples(OutputTestKit.samples(0, 10));
        Thread.sleep(1_500); // every push in this time fails, retried until the queue of 503s runs out
        output.addMetricSamples(OutputTestKit.samples(10, 10));
        output.stop();

        Map<String, Double> last = receiver.lastValues();
        assertThat(last).hasSize(10);
        assertThat(output.report().failedPushes()).isPositive();
        assertThat(log.text()).contains("work again");
    }

    @Test
    void staleMarkersEndEverySeriesWhenAskedFor() throws Exception {
        Output output = output("url=" + receiver.url() + ",pushInterval=10s,staleMarkers=true");
        output.start();
        output.addMetricSamples(OutputTestKit.samples(0, 10));
        output.stop();

        List<RemoteWriteReceiver.Received> requests = receiver.received();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).request().getTimeseriesList()).hasSize(10).allSatisfy(series ->
                assertThat(Double.doubleToRawLongBits(series.getSamples(0).getValue())).isEqualTo(0x7ff0000000000002L));
    }

    @Test
    void requestsCarryTheRemoteWriteHeadersAndTheConfiguredAuth() throws Exception {
        Output output = output("url=" + receiver.url() + ",username=alice,password=s3cret,headers.X-Scope-OrgID=t1");
        output.start();
        output.addMetricSamples(OutputTestKit.samples(0, 5));
        output.stop();

        Map<String, String> headers = receiver.received().get(0).headers();
        assertThat(headers).containsEntry("content-encoding", "snappy")
                .containsEntry("content-type", "application/x-protobuf")
                .containsEntry("x-prometheus-remote-write-version", "0.1.0")
                .containsEntry("user-agent", "k6j-prometheus-rw-output")
                .containsEntry("x-scope-orgid", "t1")
                .containsEntry("authorization", "Basic YWxpY2U6czNjcmV0");
    }

    @Test
    void aSigV4SignatureCoversTheRequestAsTheServerReceivesIt() throws Exception {
        PrometheusOutput output = (PrometheusOutput) new PrometheusOutputFactory().create(new OutputParams(
                PrometheusOutputFactory.NAME, "url=" + receiver.url() + ",headers.X-Scope-OrgID=t1", Map.of(),
                Map.of("K6_PROMETHEUS_RW_SIGV4_REGION", "eu-west-1", "K6_PROMETHEUS_RW_SIGV4_ACCESS_KEY", "AKID",
                        "K6_PROMETHEUS_RW_SIGV4_SECRET_KEY", "secret"),
                Map.of(), Path.of("."), System.out, System.err, System.getLogger("test")));
        output.start();
        output.addMetricSamples(OutputTestKit.samples(0, 5));
        output.stop();

        RemoteWriteReceiver.Received request = receiver.received().get(0);
        Map<String, String> headers = request.headers();
        String authorization = headers.get("authorization");
        String signedHeaders = authorization.replaceFirst(".*SignedHeaders=([^,]+),.*", "$1");
        assertThat(signedHeaders).isEqualTo("content-encoding;content-length;content-type;host;x-amz-content-sha256;"
                + "x-amz-date;x-prometheus-remote-write-version;x-scope-orgid");
        Map<String, String> signed = new java.util.LinkedHashMap<>();
        for (String name : signedHeaders.split(";")) {
            if (!name.equals("host") && !name.equals("content-length")) {
                signed.put(name, headers.get(name));
            }
        }
        java.time.Instant date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).parse(headers.get("x-amz-date"), java.time.Instant::from);
        String expected = new SigV4Signer("eu-west-1", "AKID", "secret", "aps").authorization("POST",
                java.net.URI.create("http://" + headers.get("host") + request.path()), signed,
                Long.parseLong(headers.get("content-length")), headers.get("x-amz-content-sha256"), date);
        assertThat(authorization).isEqualTo(expected);
        assertThat(headers.get("x-amz-content-sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(request.body())));
    }

    @Test
    void aBearerTokenWinsOverBasicAuth() {
        PrometheusConfig config = PrometheusConfig.from(new OutputParams(PrometheusOutputFactory.NAME,
                "url=" + receiver.url() + ",username=a,bearerToken=tok", Map.of(), Map.of(), Map.of(), Path.of("."),
                System.out, System.err, System.getLogger("test")));

        assertThat(RemoteWriteClient.requestHeaders(config)).containsEntry("Authorization", "Bearer tok");
    }

    @Test
    void describesItselfWithTheEndpoint() {
        assertThat(output("url=" + receiver.url()).description())
                .isEqualTo("experimental-prometheus-rw (" + receiver.url() + ")");
    }
}
