package dev.k6j.modules.websockets;

import java.util.concurrent.Executor;

/**
 * Hands a connection's events from its Netty thread to another thread (the VU's, through {@link dev.k6j.spi.VuTaskQueue}, or the
 * blocking loop of {@code ws.connect}), in order.
 *
 * <p>Threads: called on Netty's event loop; {@code target} runs wherever {@code executor} runs tasks.
 */
final class ThreadHop implements ConnectionListener {

    private final ConnectionListener target;
    private final Executor executor;

    ThreadHop(ConnectionListener target, Executor executor) {
        this.target = target;
        this.executor = executor;
    }

    @Override
    public void opened(HandshakeResult handshake) {
        executor.execute(() -> target.opened(handshake));
    }

    @Override
    public void failed(String message, HandshakeResult handshake) {
        executor.execute(() -> target.failed(message, handshake));
    }

    @Override
    public void text(String text, double receivedAt) {
        executor.execute(() -> target.text(text, receivedAt));
    }

    @Override
    public void binary(byte[] data, double receivedAt) {
        executor.execute(() -> target.binary(data, receivedAt));
    }

    @Override
    public void ping(byte[] payload) {
        executor.execute(() -> target.ping(payload));
    }

    @Override
    public void pong(byte[] payload) {
        executor.execute(() -> target.pong(payload));
    }

    @Override
    public void closed(int code, String reason, String error) {
        executor.execute(() -> target.closed(code, reason, error));
    }
}
