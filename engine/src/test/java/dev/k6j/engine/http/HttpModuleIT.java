package dev.k6j.engine.http;

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
    void tlsVersionAndCipherSuitesLimitTheHandshake() {
        passes("tls-version.js");
    }
}
