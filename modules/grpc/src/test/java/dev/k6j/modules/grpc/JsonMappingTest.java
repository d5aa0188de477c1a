package dev.k6j.modules.grpc;

import dev.k6j.testkit.ScriptRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages in and out use the protobuf JSON mapping, edge cases included, as in k6. */
class JsonMappingTest {

    @Test
    void messagesRoundTripThroughTheProtobufJsonMapping() {
        ScriptRun run = GrpcTestbedFixture.runOnOneVu("json-mapping.js", Map.of());

        GrpcTestbedFixture.assertChecksPassed(run, "int64 comes back as a string, exactly", "Timestamp in RFC 3339",
                "proto field names are accepted too");
    }
}
