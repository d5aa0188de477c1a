package dev.k6j.modules.grpc;

import dev.k6j.testkit.ScriptRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server-, client- and bidirectional streams and the order of their events, on one VU. */
class StreamsTest {

    @Test
    void streamsOfEveryKindDeliverTheirEventsInK6sOrder() {
        ScriptRun run = GrpcTestbedFixture.runOnOneVu("streaming.js", Map.of());

        GrpcTestbedFixture.assertChecksPassed(run, "server stream: three messages in order, then status and end",
                "client stream: one summary after end", "bidi: each write answered as it arrives",
                "failing stream: data, error, status, end", "stream deadline: error DeadlineExceeded then end",
                "stream errors: unknown method");
    }
}
