package dev.k6j.modules.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.testkit.ScriptRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** gRPC channels run on netty-support's shared event loops: grpc-java starts no event-loop threads of its own. */
class SharedEventLoopTest {

    @Test
    void callsRunOnTheSharedGroupAndGrpcStartsNoWorkers() {
        ScriptRun run = GrpcTestbedFixture.runOnOneVu("unary.js", Map.of());
        GrpcTestbedFixture.assertChecksPassed(run, "invoke: status OK");

        // grpc-java's client group names its threads grpc-nio-worker-ELG-…; the testbed's server, in this JVM,
        // has grpc-default-* threads of its own.
        List<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
        assertThat(threads).anyMatch(name -> name.startsWith("k6j-netty"))
                .noneMatch(name -> name.startsWith("grpc-nio-worker"));
    }
}
