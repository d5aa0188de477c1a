package dev.k6j.modules.grpc;

import dev.k6j.spi.TlsSettings;
import dev.k6j.spi.TrustEverything;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS side of {@code connect}: the test's TLS options ({@code insecureSkipTLSVerify}, {@code tlsVersion},
 * {@code tlsCipherSuites}, {@code tlsAuth}) and the call's {@code tls} param ({@code cacerts} trusted besides the
 * system's certificate authorities, a client {@code cert}/{@code key}, which wins over {@code tlsAuth}).
 */
final class ClientTls {

    private ClientTls() {
    }

    /**
     * An SSL context for connecting to {@code host}.
     *
     * @throws GrpcException when a certificate or key does not parse
     */
    static SslContext context(ConnectParams.Tls param, TlsSettings settings, String host) {
        SslContextBuilder builder = GrpcSslContexts.forClient();
        try {
            if (settings.insecureSkipVerify()) {
                builder.trustManager(TrustEverything.INSTANCE);
            } else if (param != null && !param.cacerts().isEmpty()) {
                builder.trustManager(systemAnd(param.cacerts()));
            }
            if (!settings.protocols().isEmpty()) {
                builder.protocols(settings.protocols());
            }
            if (!settings.cipherSuites().isEmpty()) {
                builder.ciphers(settings.cipherSuites());
            }
            if (param != null && param.cert() != null && param.key() != null) {
                builder.keyManager(pem(param.cert()), pem(param.key()), param.password());
            } else {
                TlsSettings.ClientCertificate certificate = settings.clientCertificateFor(host);
                if (certificate != null) {
                    builder.keyManager(pem(certificate.certificate()), pem(certificate.key()), certificate.password());
                }
            }
            return builder.build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new GrpcException("failed to set up TLS: " + e.getMessage(), e);
        }
    }

    private static ByteArrayInputStream pem(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Trusts the system's certificate authorities and {@code cacerts}, as k6 does. */
    private static TrustManagerFactory systemAnd(List<String> cacerts) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        int index = 0;
        for (TrustManager manager : system.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate ca : x509.getAcceptedIssuers()) {
                    trusted.setCertificateEntry("system-" + index++, ca);
                }
            }
        }
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        for (int i = 0; i < cacerts.size(); i++) {
            Collection<? extends Certificate> parsed;
            try {
                parsed = certificates.generateCertificates(pem(cacerts.get(i)));
            } catch (GeneralSecurityException e) {
                parsed = List.of();
            }
            if (parsed.isEmpty()) {
                throw new GrpcException("failed to append ca certificate [" + i + "] from PEM");
            }
            for (Certificate ca : parsed) {
                trusted.setCertificateEntry("cacerts-" + index++, ca);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory;
    }
}
