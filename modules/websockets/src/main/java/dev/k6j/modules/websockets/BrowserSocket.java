package dev.k6j.modules.websockets;

import dev.k6j.spi.Vu;
import dev.k6j.spi.VuTaskQueue;
import java.util.List;
import java.util.function.Consumer;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The host side of one {@code k6/websockets} {@code WebSocket}: its ready state, and the bridge from its
 * {@link Connection} to the glue's event dispatcher. The glue ({@code websockets.js}) gives the browser-shaped
 * object (event listeners, {@code binaryType}, Blob, argument checks) and calls the exported methods.
 *
 * <p>Threads: the VU's thread only; Netty's events reach it through {@link VuTaskQueue}.
 */
public final class BrowserSocket implements ConnectionListener {

    static final int CONNECTING = 0;
    static final int OPEN = 1;
    static final int CLOSING = 2;
    static final int CLOSED = 3;

    private final Vu vu;
    private final Session session;
    private final Value dispatch;
    private final VuTaskQueue tasks;
    private final Consumer<BrowserSocket> onClosed;
    private Connection connection;
    private int readyState = CONNECTING;
    private String protocol = "";
    private List<String> extensions = List.of();
    private int requestedCloseCode;
    private String requestedCloseReason;

    /**
     * @param dispatch the glue's {@code (type, a, b) => ...} that builds and fires events
     * @param onClosed called once the socket is closed for good
     */
    BrowserSocket(Vu vu, Session session, Value dispatch, Consumer<BrowserSocket> onClosed) {
        this.vu = vu;
        this.session = session;
        this.dispatch = dispatch;
        this.onClosed = onClosed;
        this.tasks = VuTaskQueue.keepingAlive(vu.eventLoop());
    }

    void start(WebSocketClient client, ConnectRequest request) {
        connection = client.connect(request, vu.testRun().tls(), new ThreadHop(this, tasks));
        session.attach(connection);
    }

    @HostAccess.Export
    public int readyState() {
        return readyState;
    }

    @HostAccess.Export
    public long bufferedAmount() {
        return connection == null ? 0 : connection.bufferedAmount();
    }

    @HostAccess.Export
    public String protocol() {
        return protocol;
    }

    @HostAccess.Export
    public Value extensions() {
        return vu.toJs(extensions);
    }

    @HostAccess.Export
    public void sendText(String text) {
        connection.sendText(text, size -> session.messageSent());
    }

    @HostAccess.Export
    public void sendBinary(Value arrayBuffer) {
        connection.sendBinary((byte[]) vu.fromJs(arrayBuffer), size -> session.messageSent());
    }

    @HostAccess.Export
    public void ping() {
        connection.ping(session.nextPing());
    }

    /** Starts closing; the glue has checked the code and reason. While connecting, closes as soon as it opens. */
    @HostAccess.Export
    public void close(int code, String reason) {
        if (readyState == CLOSING || readyState == CLOSED) {
            return;
        }
        if (readyState == CONNECTING) {
            requestedCloseCode = code;
            requestedCloseReason = reason;
        } else {
            connection.close(code, reason);
        }
        readyState = CLOSING;
    }

    /** The VU stopped this iteration: drop the connection, fire nothing. */
    void abort() {
        readyState = CLOSED;
        tasks.close();
        if (connection != null) {
            connection.abort();
        }
        session.ended();
    }

    @Override
    public void opened(HandshakeResult handshake) {
        session.connected(handshake);
        protocol = handshake.subprotocol();
        extensions = handshake.extensions();
        if (readyState == CLOSING) {
            connection.close(requestedCloseCode, requestedCloseReason);
            return;
        }
        readyState = OPEN;
        dispatch.executeVoid("open");
    }

    @Override
    public void failed(String message, HandshakeResult handshake) {
        session.connected(handshake);
        readyState = CLOSED;
        try {
            dispatch.executeVoid("error", message);
            dispatch.executeVoid("close", FrameHandler.ABNORMAL, "");
        } finally {
            finish();
        }
    }

    @Override
    public void text(String text, double receivedAt) {
        if (readyState != OPEN) {
            return;
        }
        session.messageReceived();
        dispatch.executeVoid("message", text, receivedAt);
    }

    @Override
    public void binary(byte[] data, double receivedAt) {
        if (readyState != OPEN) {
            return;
        }
        session.messageReceived();
        dispatch.executeVoid("message", vu.toJs(data), receivedAt);
    }

    @Override
    public void ping(byte[] payload) {
        dispatch.executeVoid("ping");
    }

    @Override
    public void pong(byte[] payload) {
        session.pongReceived(payload);
        dispatch.executeVoid("pong");
    }

    @Override
    public void closed(int code, String reason, String error) {
        readyState = CLOSED;
        try {
            if (error != null) {
                dispatch.executeVoid("error", error);
            }
            dispatch.executeVoid("close", code, reason);
        } finally {
            finish();
        }
    }

    private void finish() {
        session.ended();
        tasks.close();
        onClosed.accept(this);
    }
}
