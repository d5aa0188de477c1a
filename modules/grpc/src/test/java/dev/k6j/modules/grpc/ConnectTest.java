package dev.k6j.modules.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.grpc.proto.EchoOuterClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where descriptors come from (reflection, protosets) and how connections are made and fail (TLS, dial errors). */
class ConnectTest {

    @TempDir
    Path dir;

    @Test
    void reflectionAndProtosetsNeedNoProtoFiles() throws Exception {
        Path protoset = dir.resolve("echo.protoset");
        Files.write(protoset, protoset(EchoOuterClass.getDescriptor()).toByteArray());

        CliRun run = GrpcTestbedFixture.run("reflection.js", "-e", "PROTOSET=" + protoset);

        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).contains("✓ reflection: imported types too", "✓ protoset: invoke works");
    }

    @Test
    void tlsConnectionsTrustCacertsPresentClientCertificatesAndExplainFailures() {
        CliRun run = GrpcTestbedFixture.run("tls.js",
                "-e", "CLIENT_CERT=" + GrpcTestbedFixture.certificates().clientCertificatePem(),
                "-e", "CLIENT_KEY=" + GrpcTestbedFixture.certificates().clientKeyPem());

        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).contains("✓ tls: client certificate presented",
                "✓ tls: an untrusted server is refused", "✓ connect: refused");
    }

    @Test
    void insecureSkipTlsVerifyAppliesToGrpc() {
        CliRun run = GrpcTestbedFixture.run("insecure.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).contains("✓ insecureSkipTLSVerify: connects to an untrusted server");
    }

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
