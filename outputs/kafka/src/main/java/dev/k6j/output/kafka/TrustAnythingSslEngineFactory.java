package dev.k6j.output.kafka;

import dev.k6j.spi.TrustEverything;
import java.security.KeyStore;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.apache.kafka.common.security.auth.SslEngineFactory;

/**
 * {@code insecureSkipTLSVerify=true}: TLS to the brokers without checking their certificates or host names, as
 * Go's {@code InsecureSkipVerify} does. The Kafka client has no such switch, so the producer is given this engine
 * factory instead of its own; the trust manager is the SPI's {@link TrustEverything}. Client side
 * only. Created and called by the Kafka client's threads.
 */
public final class TrustAnythingSslEngineFactory implements SslEngineFactory {

    private SSLContext context;

    @Override
    public void configure(Map<String, ?> configs) {
        context = TrustEverything.clientContext();
    }

    @Override
    public SSLEngine createClientSslEngine(String peerHost, int peerPort, String endpointIdentification) {
        SSLEngine engine = context.createSSLEngine(peerHost, peerPort);
        engine.setUseClientMode(true);
        return engine;
    }

    @Override
    public SSLEngine createServerSslEngine(String peerHost, int peerPort) {
        throw new UnsupportedOperationException("the kafka output is a client only");
    }

    @Override
    public boolean shouldBeRebuilt(Map<String, Object> nextConfigs) {
        return false;
    }

    @Override
    public Set<String> reconfigurableConfigs() {
        return Set.of();
    }

    @Override
    public KeyStore keystore() {
        return null;
    }

    @Override
    public KeyStore truststore() {
        return null;
    }

    @Override
    public void close() {
    }
}
