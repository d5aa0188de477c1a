package dev.k6j.modules.tcp;

import dev.k6j.netty.ClientSslContexts;
import dev.k6j.netty.SharedEventLoops;
import io.netty.bootstrap.Bootstrap;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What every VU's sockets share: the extensions' shared Netty event loops ({@link SharedEventLoops}), which only
 * move bytes, a virtual-thread executor for the blocking part (DNS lookups), and the TLS contexts. Like xk6-tcp,
 * ALPN offers only {@code http/1.1}, so a server never switches a raw socket to HTTP/2 frames. One per JVM, made on
 * first use.
 */
final class TcpTransport {

    private static volatile TcpTransport shared;

    private final ExecutorService blocking;
    private final ClientSslContexts tls = new ClientSslContexts(builder -> builder.applicationProtocolConfig(
            new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                    ApplicationProtocolNames.HTTP_1_1)));

    private TcpTransport() {
        this.blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("k6j-tcp-dns-", 0).factory());
    }

    static TcpTransport shared() {
        TcpTransport transport = shared;
        if (transport == null) {
            synchronized (TcpTransport.class) {
                transport = shared;
                if (transport == null) {
                    transport = new TcpTransport();
                    shared = transport;
                }
            }
        }
        return transport;
    }

    /** A bootstrap for one socket. */
    Bootstrap bootstrap() {
        return SharedEventLoops.bootstrap(30_000);
    }

    ExecutorService blocking() {
        return blocking;
    }

    ClientSslContexts tls() {
        return tls;
    }
}
