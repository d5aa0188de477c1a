package dev.k6j.testbed.grpc;

import dev.k6j.testbed.TestCertificates;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;

/**
 * The testbed's gRPC servers: {@code k6j.testbed.Echo} in plain text and over TLS (the testbed's certificates; a client
 * certificate is optional and, when sent, echoed back), each with server reflection (v1) and the health service.
 * Health: the server ({@code ""}) and {@value EchoService#NAME} are SERVING, {@value #RESTING} is NOT_SERVING.
 *
 * <pre>{@code
 * try (GrpcTestbed grpc = GrpcTestbed.start("127.0.0.1", 0, 0, TestCertificates.generate())) {
 *     String target = grpc.address();          // 127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class GrpcTestbed implements AutoCloseable {

    /** A service name the health service reports as NOT_SERVING. */
    public static final String RESTING = "k6j.testbed.Resting";

    private final String host;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("k6j-testbed-grpc-delays").factory());
    private final List<Server> servers = new ArrayList<>();
    private final Server plain;
    private final Server tls;

    private GrpcTestbed(String host, int port, int tlsPort, TestCertificates certificates) throws IOException {
        this.host = host;
        this.plain = port < 0 ? null : start(port, InsecureServerCredentials.create());
        this.tls = tlsPort < 0 ? null : start(tlsPort, tlsCredentials(certificates));
    }

    /**
     * Starts the servers on {@code host}: a port of 0 picks a free one, -1 leaves that server off.
     *
     * @throws UncheckedIOException if a port cannot be bound
     */
    public static GrpcTestbed start(String host, int port, int tlsPort, TestCertificates certificates) {
        try {
            return new GrpcTestbed(host, port, tlsPort, certificates);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gRPC testbed on " + host, e);
        }
    }

    /** {@code host:port} of the plain-text server. */
    public String address() {
        return address("grpc", plain);
    }

    /** {@code host:port} of the TLS server. */
    public String tlsAddress() {
        return address("grpc TLS", tls);
    }

    private String address(String what, Server server) {
        if (server == null) {
            throw new IllegalStateException(what + " server is off");
        }
        return host + ":" + server.getPort();
    }

    private Server start(int port, ServerCredentials credentials) throws IOException {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("", ServingStatus.SERVING);
        health.setStatus(EchoService.NAME, ServingStatus.SERVING);
        health.setStatus(RESTING, ServingStatus.NOT_SERVING);
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port), credentials)
                .addService(ServerInterceptors.intercept(new EchoService(scheduler).definition(), new CallMetadata()))
                .addService(ProtoReflectionServiceV1.newInstance())
                .addService(health.getHealthService())
                .build()
                .start();
        servers.add(server);
        return server;
    }

    private static ServerCredentials tlsCredentials(TestCertificates certificates) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", certificates.ca());
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            return TlsServerCredentials.newBuilder()
                    .keyManager(certificates.serverKeyManagers())
                    .trustManager(trustManagers.getTrustManagers())
                    .clientAuth(TlsServerCredentials.ClientAuth.OPTIONAL)
                    .build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for the gRPC testbed", e);
        }
    }

    @Override
    public void close() {
        for (Server server : servers) {
            server.shutdownNow();
        }
        for (Server server : servers) {
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        scheduler.shutdownNow();
    }
}
