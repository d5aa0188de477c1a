package dev.k6j.modules.grpc;

import dev.k6j.netty.ClientSslContexts;
import dev.k6j.spi.TlsSettings;
import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import java.util.List;

/**
 * The TLS side of {@code connect}, made by netty-support's {@link ClientSslContexts} with gRPC's ALPN and cipher
 * suites: the test's TLS options ({@code insecureSkipTLSVerify}, {@code tlsVersion}, {@code tlsCipherSuites},
 * {@code tlsAuth}) and the call's {@code tls} param ({@code cacerts} trusted besides the system's certificate
 * authorities, a client {@code cert}/{@code key}, which wins over {@code tlsAuth}). One per client: its contexts are
 * made once per distinct param and kept. Thread-safe.
 */
final class ClientTls {

    private final ClientSslContexts contexts =
            new ClientSslContexts(builder -> GrpcSslContexts.configure(builder, SslProvider.JDK));

    /**
     * An SSL context for connecting to {@code host}.
     *
     * @throws GrpcException when a certificate or key does not parse
     */
    SslContext context(ConnectParams.Tls param, TlsSettings settings, String host) {
        try {
            if (param == null) {
                return contexts.forHost(settings, host);
            }
            TlsSettings.ClientCertificate certificate = param.cert() != null && param.key() != null
                    ? new TlsSettings.ClientCertificate(List.of(), param.cert(), param.key(), param.password())
                    : null;
            return contexts.forHost(settings, host, param.cacerts(), certificate);
        } catch (IllegalArgumentException e) {
            throw new GrpcException(e.getMessage(), e);
        }
    }
}
