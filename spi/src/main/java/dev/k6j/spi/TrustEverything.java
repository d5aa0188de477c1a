package dev.k6j.spi;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@code insecureSkipTLSVerify}: a trust manager that accepts any server certificate for any host name, as Go's
 * {@code InsecureSkipVerify} does, for any TLS stack that takes a JDK trust manager (the JDK's HTTP client, Netty,
 * grpc-java, the Kafka client). Stateless.
 *
 * <pre>{@code
 * SSLContext context = SSLContext.getInstance("TLS");
 * context.init(null, new TrustManager[] {TrustEverything.INSTANCE}, null);
 * }</pre>
 */
public final class TrustEverything extends X509ExtendedTrustManager {

    public static final TrustEverything INSTANCE = new TrustEverything();

    private TrustEverything() {
    }

    /** A client {@link SSLContext} that trusts every server, with no client certificate. */
    public static SSLContext clientContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {INSTANCE}, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not set up TLS without verification: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
