package dev.k6j.engine.modules.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * k6/http against the testbed, end to end: each script checks k6's behaviour with {@code check()} and a
 * {@code checks: rate==1} threshold, so a failed check fails the run (exit 99) and the summary names it.
 */
class HttpModuleIT {

    private static TestbedRun testbed;

    @BeforeAll
    static void start() {
        testbed = new TestbedRun();
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    private static void passes(String script, String... extra) {
        CliRun run = testbed.run(script, extra);
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s*✗ ");
    }

    @Test
    void everyMethodBodyKindParamAndResponseFieldBehavesAsInK6() {
        passes("methods.js");
    }

    @Test
    void responseHtmlGivesAK6HtmlSelection() {
        passes("response-html.js");
    }

    @Test
    void redirectsAndCookiesFollowK6sRules() {
        passes("redirects-cookies.js");
    }

    @Test
    void failuresAreResponsesWithStatusZeroAndK6ErrorCodes() {
        passes("errors.js");
    }

    @Test
    void batchAsyncRequestAndResponseCallbacksWork() {
        passes("batch-async.js");
    }

    @Test
    void verifiedTlsRefusesTheSelfSignedTestbed() {
        passes("tls.js");
    }

    @Test
    void insecureTlsGivesHttp2ClientCertificatesAndHostOverrides() {
        passes("tls-insecure.js");
    }

    @Test
    void http2MultiplexesStreamsControlsFlowAndResetsTimedOutStreams() {
        passes("http2.js");
    }

    @Test
    void tlsVersionAndCipherSuitesLimitTheHandshake() {
        passes("tls-version.js");
    }

    @Test
    void testWideOptionsApply() {
        CliRun run = testbed.run("options.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s*✗ ");
        assertThat(run.stderr()).as("httpDebug dumps").contains("Request:").contains("GET /get HTTP/1.1")
                .contains("Response:").contains("HTTP/1.1 200 OK");
    }

    @Test
    void blockedHostnamesBlacklistedIpsHostsAndDnsOptions() {
        passes("addresses.js");
    }

    @Test
    void cliFlagsSetTheHttpOptions() {
        passes("cli-flags.js", "--user-agent", "flag-agent", "--max-redirects", "0", "--discard-response-bodies");
    }

    @Test
    void noConnectionReuseOpensAConnectionPerRequest() {
        passes("no-reuse.js");
    }

    @Test
    void aGracefulStopAbortsRequestsInFlight() {
        long start = System.nanoTime();
        CliRun run = testbed.run("interrupted.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat((System.nanoTime() - start) / 1e9).as("ended well before the 30 s responses").isLessThan(20);
        assertThat(run.stdout()).as("aborted requests emit no samples, as in k6").doesNotContain("http_reqs");
    }

    @Test
    void requestsInTheInitContextAreAScriptError() {
        CliRun run = testbed.run("init-request.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr()).contains("Making http requests in the init context is not supported");
    }
}
