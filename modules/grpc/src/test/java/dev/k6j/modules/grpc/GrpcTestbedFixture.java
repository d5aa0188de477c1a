package dev.k6j.modules.grpc;

import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.TestCertificates;
import dev.k6j.testbed.grpc.GrpcTestbed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One gRPC testbed (plain and TLS, on free ports of 127.0.0.1) for all tests of this module, and the CLI runs that
 * point scripts at it: {@code GRPC_ADDR}, {@code GRPC_TLS_ADDR}, {@code PROTOS} (the testbed's proto folder) and
 * {@code CA_PEM} reach the scripts as environment variables.
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
