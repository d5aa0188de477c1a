package dev.k6j.modules.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import org.junit.jupiter.api.Test;

/** Messages in and out use the protobuf JSON mapping, edge cases included, as in k6. */
class JsonMappingTest {

    @Test
    void messagesRoundTripThroughTheProtobufJsonMapping() {
        CliRun run = GrpcTestbedFixture.run("json-mapping.js");

        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).contains("✓ int64 comes back as a string, exactly",
                "✓ Timestamp in RFC 3339", "✓ proto field names are accepted too");
    }
}
