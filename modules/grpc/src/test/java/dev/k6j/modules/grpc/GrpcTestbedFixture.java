package dev.k6j.modules.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.TestCertificates;
import dev.k6j.testbed.grpc.GrpcTestbed;
import dev.k6j.testkit.ModuleTestKit;
import dev.k6j.testkit.ScriptRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One gRPC testbed (plain and TLS, on free ports of 127.0.0.1) for all tests of this module, and the runs that point
 * scripts at it, in this JVM on one VU ({@link ModuleTestKit}) or through the CLI: {@code GRPC_ADDR},
 * {@code GRPC_TLS_ADDR}, {@code PROTOS} (the testbed's proto folder) and {@code CA_PEM} reach the scripts as
 * environment variables.
 */
final class GrpcTestbedFixture {

    /** The testbed's .proto files, which the examples load too. */
    static final Path PROTOS = Path.of("../../testbed/src/main/proto").toAbsolutePath().normalize();

    private static GrpcTestbed testbed;
    private static TestCertificates certificates;

    private GrpcTestbedFixture() {
    }

    static synchronized GrpcTestbed testbed() {
        if (testbed == null) {
            certificates = TestCertificates.generate();
            testbed = GrpcTestbed.start("127.0.0.1", 0, 0, certificates);
            Runtime.getRuntime().addShutdownHook(new Thread(testbed::close));
        }
        return testbed;
    }

    static TestCertificates certificates() {
        testbed();
        return certificates;
    }

    /**
     * Runs {@code src/test/resources/scripts/<script>} once on one VU in this JVM, with the testbed's variables and
     * {@code extraEnv}. The script's options (thresholds, iterations) do not apply: assert its checks.
     */
    static ScriptRun runOnOneVu(String script, Map<String, String> extraEnv) {
        GrpcTestbed grpc = testbed();
        try (ModuleTestKit kit = ModuleTestKit.fromClassPath()) {
            kit.env("GRPC_ADDR", grpc.address()).env("GRPC_TLS_ADDR", grpc.tlsAddress()).env("PROTOS", PROTOS.toString())
                    .env("CA_PEM", certificates.caPem());
            extraEnv.forEach(kit::env);
            return kit.run(Files.readString(CliRun.scripts().resolve(script)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The iteration completed and every check passed (what the scripts' {@code checks: ['rate==1']} threshold and
     * the summary's ✓ lines say on the CLI), {@code names} among them.
     */
    static void assertChecksPassed(ScriptRun run, String... names) {
        assertThat(run.allCompleted()).as(run.console().toString()).isTrue();
        assertThat(run.checks()).as(run.console().toString()).isNotEmpty().doesNotContainValue(false);
        for (String name : names) {
            assertThat(run.checks()).as(run.console().toString()).containsEntry(name, true);
        }
    }

    /** {@code k6j run -q -e GRPC_ADDR=… … extra… script}. */
    static CliRun run(String script, String... extra) {
        GrpcTestbed grpc = testbed();
        List<String> args = new ArrayList<>(List.of("run", "-q",
                "-e", "GRPC_ADDR=" + grpc.address(),
                "-e", "GRPC_TLS_ADDR=" + grpc.tlsAddress(),
                "-e", "PROTOS=" + PROTOS,
                "-e", "CA_PEM=" + certificates.caPem()));
        args.addAll(List.of(extra));
        args.add(script);
        return CliRun.of(args.toArray(String[]::new));
    }
}
