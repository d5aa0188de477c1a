package dev.k6j.bundler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void listsEveryFirstPartyExtensionWithCoordinatesAndWhatItProvides() {
        BundlerFixture.Run run = BundlerFixture.bundler("list", "--local-repo", "target/no-such-repo");

        assertThat(run.exitCode()).as(run.all()).isZero();
        String version = BundlerVersion.get();
        assertThat(run.stdout())
                .containsPattern("tcp +dev\\.k6j:k6j-module-tcp:" + version.replace(".", "\\.") + " +k6/x/tcp +raw TCP")
                .contains("dev.k6j:k6j-module-websockets:" + version)
                .contains("dev.k6j:k6j-module-grpc:" + version)
                .containsPattern("dev\\.k6j:k6j-output-prometheus:" + version.replace(".", "\\.")
                        + " +--out experimental-prometheus-rw")
                .contains("dev.k6j:k6j-output-kafka:" + version)
                .containsPattern("web-dashboard +dev\\.k6j:k6j-output-web-dashboard:" + version.replace(".", "\\.")
                        + " +--out web-dashboard")
                // Every first-party extension lives in this checkout, so the bundler takes it from there.
                .containsPattern("(?m)^ {16}available: in the checkout \\S+/modules/tcp$")
                .containsPattern("(?m)^ {16}available: in the checkout \\S+/outputs/kafka$");
    }
}
