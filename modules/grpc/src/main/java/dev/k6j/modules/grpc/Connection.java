package dev.k6j.modules.grpc;

import dev.k6j.netty.SharedEventLoops;
import dev.k6j.spi.TlsSettings;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.NegotiationType;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One client's connection: a grpc-java channel (on the engine's Netty) dialled and ready, as k6's blocking
 * {@code connect} leaves it, plus the per-call limits of the connect params. Thread-safe, as grpc-java channels are.
 */
final class Connection implements AutoCloseable {

    private final ManagedChannel channel;
    private final String address;
    private final int maxSendSize;

    private Connection(ManagedChannel channel, String address, int maxSendSize) {
        this.channel = channel;
        this.address = address;
        this.maxSendSize = maxSendSize;
    }

    /**
     * Dials {@code address} ({@code host:port}) and waits until the connection is up or the timeout passed. Called on
     * the VU thread, which it blocks, as k6 does.
     *
     * @throws GrpcException with the reason when the dial fails (refused, TLS handshake, timeout)
     */
    static Connection open(String address, ConnectParams params, ClientTls tls, TlsSettings settings,
            String userAgent) {
        HostPort target = HostPort.parse(address);
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(target.host(), target.port())
                .eventLoopGroup(SharedEventLoops.group())   // the run's one group, not grpc-java's own
                .channelType(NioSocketChannel.class)
                .directExecutor()
                .userAgent(userAgent);
        if (params.plaintext()) {
            builder.negotiationType(NegotiationType.PLAINTEXT);
        } else {
            String host = params.authority() != null ? HostPort.parse(params.authority()).host() : target.host();
            builder.sslContext(tls.context(params.tls(), settings, host)).negotiationType(NegotiationType.TLS);
        }
        if (params.authority() != null) {
            builder.overrideAuthority(params.authority());
        }
        if (params.maxReceiveSize() > 0) {
            builder.maxInboundMessageSize(params.maxReceiveSize());
        }
        ManagedChannel channel = builder.build();
        try {
            awaitReady(channel, address, params.timeout());
        } catch (RuntimeException e) {
            channel.shutdownNow();
            throw e;
        }
        return new Connection(channel, address, params.maxSendSize());
    }

    private static void awaitReady(ManagedChannel channel, String address, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectivityState state = channel.getState(true);
        while (state != ConnectivityState.READY) {
            if (state == ConnectivityState.TRANSIENT_FAILURE || state == ConnectivityState.SHUTDOWN) {
                throw new GrpcException("failed to connect to " + address + ": " + dialFailure(channel));
            }
            if (state == ConnectivityState.IDLE) {
                channel.getState(true);
            }
            CountDownLatch changed = new CountDownLatch(1);
            channel.notifyWhenStateChanged(state, changed::countDown);
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !changed.await(left, TimeUnit.NANOSECONDS)) {
                    throw new GrpcException("failed to connect to " + address + ": context deadline exceeded (timeout "
                            + timeout.toMillis() + "ms)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GrpcException("connecting to " + address + " was interrupted");
            }
            state = channel.getState(false);
        }
    }

    /**
     * Why the channel could not connect. grpc-java keeps the reason in the status of calls that fail fast, so one
     * probe call (never sent: the channel is down) fetches it.
     */
    private static String dialFailure(ManagedChannel channel) {
        MethodDescriptor<byte[], byte[]> probe = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName("grpc.health.v1.Health/Check")
                .setRequestMarshaller(Bytes.INSTANCE).setResponseMarshaller(Bytes.INSTANCE)
                .build();
        CompletableFuture<Status> closed = new CompletableFuture<>();
        ClientCall<byte[], byte[]> call = channel.newCall(probe, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS));
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, new Metadata());
        call.sendMessage(new byte[0]);
        call.halfClose();
        try {
            return TlsFailures.explain(closed.get(6, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException | TimeoutException e) {
            return "unavailable";
        }
    }

    /** A new call with the connection's limits and {@code timeout} as its deadline ({@code null}: none). */
    <ReqT, RespT> ClientCall<ReqT, RespT> newCall(MethodDescriptor<ReqT, RespT> method, Duration timeout) {
        CallOptions options = CallOptions.DEFAULT;
        if (timeout != null && !timeout.isZero()) {
            options = options.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (maxSendSize > 0) {
            options = options.withMaxOutboundMessageSize(maxSendSize);
        }
        return channel.newCall(method, options);
    }

    /** The channel, for grpc-java stubs (health checks, reflection). */
    ManagedChannel channel() {
        return channel;
    }

    /** {@code host:port} as the script gave it: the start of the {@code url} tag. */
    String address() {
        return address;
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }

    /** Bytes as they are, for the probe call. */
    private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Turns a failed TLS handshake into the words k6 users know, keeping the JDK's reason. */
    static final class TlsFailures {

        private TlsFailures() {
        }

        static String explain(Status status) {
            String message = StatusMessages.describe(status);
            for (Throwable t = status.getCause(); t != null; t = t.getCause()) {
                if (t instanceof SSLException) {
                    String prefix = message.contains("PKIX") || message.contains("certification path")
                            ? "x509: certificate signed by unknown authority" : "TLS handshake failed";
                    return prefix + " (" + message + ")";
                }
            }
            return message;
        }
    }
}
