package dev.k6j.modules.websockets;

/**
 * What happens on one connection, as Netty sees it. Called on the connection's Netty event loop, in order:
 * either {@link #failed} alone, or {@link #opened}, then frames, then {@link #closed} exactly once.
 * Implementations hand the events over to the VU's thread; they never touch JavaScript here.
 */
interface ConnectionListener {

    /** The upgrade succeeded (status 101). */
    void opened(HandshakeResult handshake);

    /**
     * The connection never opened: bad address, refused, TLS failure, or an upgrade the server refused.
     *
     * @param message   the error, worded as k6 words it ({@code websocket: bad handshake}, {@code dial tcp ...})
     * @param handshake the server's non-101 answer, or {@code null} when there was none
     */
    void failed(String message, HandshakeResult handshake);

    /** A text message arrived; {@code receivedAt} is milliseconds since the epoch. */
    void text(String text, double receivedAt);

    /** A binary message arrived. */
    void binary(byte[] data, double receivedAt);

    /** The server pinged; the pong was already sent. */
    void ping(byte[] payload);

    /** The server answered a ping. */
    void pong(byte[] payload);

    /**
     * The connection is gone.
     *
     * @param code   the close code the server sent (or we sent, if it never answered), 1006 for an abrupt end
     * @param reason the close reason
     * @param error  why it ended abnormally (an unexpected close code, an abrupt end, a failed write), or
     *               {@code null} for a normal close
     */
    void closed(int code, String reason, String error);
}
