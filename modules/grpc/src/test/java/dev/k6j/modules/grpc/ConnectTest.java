package dev.k6j.modules.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.grpc.proto.EchoOuterClass;
import dev.k6j.testkit.ScriptRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where descriptors come from (reflection, protosets) and how connections are made and fail (TLS, dial errors): on
 * one VU in this JVM, except what needs test options or the CLI's error handling.
 */
class ConnectTest {

    @TempDir
    Path dir;

    @Test
    void reflectionAndProtosetsNeedNoProtoFiles() throws Exception {
        Path protoset = dir.resolve("echo.protoset");
        Files.write(protoset, protoset(EchoOuterClass.getDescriptor()).toByteArray());

        ScriptRun run = GrpcTestbedFixture.runOnOneVu("reflection.js", Map.of("PROTOSET", protoset.toString()));

        GrpcTestbedFixture.assertChecksPassed(run, "reflection: imported types too", "protoset: invoke works");
    }

    @Test
    void tlsConnectionsTrustCacertsPresentClientCertificatesAndExplainFailures() {
        ScriptRun run = GrpcTestbedFixture.runOnOneVu("tls.js", Map.of(
                "CLIENT_CERT", GrpcTestbedFixture.certificates().clientCertificatePem(),
                "CLIENT_KEY", GrpcTestbedFixture.certificates().clientKeyPem()));

        GrpcTestbedFixture.assertChecksPassed(run, "tls: client certificate presented",
                "tls: an untrusted server is refused", "connect: refused");
    }

    /** On the CLI: the kit's VU has no test options, and insecureSkipTLSVerify is one. */
    @Test
    void insecureSkipTlsVerifyAppliesToGrpc() {
        CliRun run = GrpcTestbedFixture.run("insecure.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).contains("✓ insecureSkipTLSVerify: connects to an untrusted server");
    }

    /** On the CLI: what a user sees of a failing init context is the CLI's one line and exit code. */
    @Test
    void connectInTheInitContextAndMissingProtoFilesAreOneLineScriptErrors() {
        CliRun connect = GrpcTestbedFixture.run("init-errors.js");
        CliRun missing = GrpcTestbedFixture.run("load-missing.js");

        assertThat(connect.exitCode()).as(connect.all()).isEqualTo(107);
        assertThat(connect.stderr()).contains("connecting to a gRPC server in the init context is not supported")
                .doesNotContain("at dev.k6j");
        assertThat(missing.exitCode()).as(missing.all()).isEqualTo(107);
        assertThat(missing.stderr()).contains("open k6j/testbed/missing.proto: no such file or directory")
                .doesNotContain("at dev.k6j");
    }

    private static FileDescriptorSet protoset(FileDescriptor file) {
        Map<String, FileDescriptor> all = new LinkedHashMap<>();
        collect(file, all);
        FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
        all.values().forEach(f -> set.addFile(f.toProto()));
        return set.build();
    }

    private static void collect(FileDescriptor file, Map<String, FileDescriptor> all) {
        for (FileDescriptor dependency : file.getDependencies()) {
            collect(dependency, all);
        }
        all.putIfAbsent(file.getName(), file);
    }
}
