package dev.k6j.modules.websockets;

import dev.k6j.spi.Vu;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The host side of the socket a {@code k6/ws} {@code ws.connect} callback gets: send, ping, close and timers,
 * with events handed to the glue's dispatcher ({@code ws.js}) on the VU's thread inside {@code connect}'s loop.
 *
 * <p>Threads: the VU's thread only; Netty's events reach it through the {@link BlockingLoop}.
 */
public final class LegacySocket implements ConnectionListener {

    /** k6/ws closes with 1001 (going away) when the script gives no code. */
    private static final int DEFAULT_CLOSE_CODE = 1001;

    private final Vu vu;
    private final Session session;
    private final BlockingLoop loop;
    private final List<Future<?>> timers = new ArrayList<>();
    private Connection connection;
    private Value dispatch;
    private HandshakeResult handshake;
    private String failure;
    private boolean open;
    private boolean done;

    LegacySocket(Vu vu, Session session, BlockingLoop loop) {
        this.vu = vu;
        this.session = session;
        this.loop = loop;
    }

    void start(WebSocketClient client, ConnectRequest request) {
        connection = client.connect(request, vu.testRun().tls(), new ThreadHop(this, loop));
        session.attach(connection);
    }

    /** The glue's {@code (type, argument) => ...} that calls the script's handlers. */
    void dispatchTo(Value dispatch) {
        this.dispatch = dispatch;
    }

    @HostAccess.Export
    public void send(String text) {
        if (!done) {
            connection.sendText(text, size -> session.messageSent());
        }
    }

    @HostAccess.Export
    public void sendBinary(Value arrayBuffer) {
        if (!done) {
            connection.sendBinary((byte[]) vu.fromJs(arrayBuffer), size -> session.messageSent());
        }
    }

    @HostAccess.Export
    public void ping() {
        if (!done) {
            connection.ping(session.nextPing());
        }
    }

    /** Closes at once: a close frame out, the {@code close} event, and {@code connect} returns. */
    @HostAccess.Export
    public void close(Value code) {
        closeWith(code == null || code.isNull() ? DEFAULT_CLOSE_CODE : code.asInt());
    }

    /** Runs the glue's timer {@code id} after {@code millis} (again and again if {@code repeat}), in the loop. */
    @HostAccess.Export
    public void schedule(int id, double millis, boolean repeat) {
        if (!done) {
            timers.add(connection.schedule(() -> loop.execute(() -> {
                if (!done) {
                    dispatch.executeVoid("timer", id);
                }
            }), millis, repeat));
        }
    }

    /** The {@code open} event, once the script's callback has registered its handlers. */
    void fireOpen() {
        dispatch.executeVoid("open");
    }

    HandshakeResult handshake() {
        return handshake;
    }

    /** Why the connection never opened, or {@code null}. */
    String failure() {
        return failure;
    }

    boolean opened() {
        return open;
    }

    boolean done() {
        return done;
    }

    /** Stops everything: timers, the connection, the session's metrics. Safe to call more than once. */
    void end(boolean abruptly) {
        done = true;
        timers.forEach(timer -> timer.cancel(false));
        timers.clear();
        if (connection != null && abruptly) {
            connection.abort();
        }
        session.ended();
    }

    @Override
    public void opened(HandshakeResult handshake) {
        this.handshake = handshake;
        session.connected(handshake);
        open = true;
    }

    @Override
    public void failed(String message, HandshakeResult handshake) {
        this.handshake = handshake;
        this.failure = message;
        session.connected(handshake);
    }

    @Override
    public void text(String text, double receivedAt) {
        if (!done) {
            session.messageReceived();
            dispatch.executeVoid("message", text);
        }
    }

    @Override
    public void binary(byte[] data, double receivedAt) {
        if (!done) {
            session.messageReceived();
            dispatch.executeVoid("binaryMessage", vu.toJs(data));
        }
    }

    @Override
    public void ping(byte[] payload) {
        if (!done) {
            dispatch.executeVoid("ping");
        }
    }

    @Override
    public void pong(byte[] payload) {
        if (!done) {
            session.pongReceived(payload);
            dispatch.executeVoid("pong");
        }
    }

    @Override
    public void closed(int code, String reason, String error) {
        if (done) {
            return;
        }
        if (error != null) {
            dispatch.executeVoid("error", error);
        }
        closeWith(code);
    }

    private void closeWith(int code) {
        if (done) {
            return;
        }
        connection.closeNow(code);
        end(false);
        dispatch.executeVoid("close", code);
    }
}
