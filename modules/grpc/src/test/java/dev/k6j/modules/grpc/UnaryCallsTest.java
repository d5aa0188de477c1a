package dev.k6j.modules.grpc;

import dev.k6j.testkit.ScriptRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** invoke, asyncInvoke, metadata, deadlines, health checks and the errors scripts can catch, on one VU. */
class UnaryCallsTest {

    @Test
    void unaryCallsBehaveAsInK6() {
        ScriptRun run = GrpcTestbedFixture.runOnOneVu("unary.js", Map.of());

        GrpcTestbedFixture.assertChecksPassed(run, "invoke: status OK", "errors: load outside init",
                "close: no connection afterwards");
    }
}
