package dev.k6j.modules.websockets;

import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.Vu;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one WebSocket, from connecting to closed: {@code ws_sessions} and {@code ws_connecting} when the
 * upgrade is answered (or fails), messages both ways, ping round trips, and at the end {@code ws_session_duration}
 * with the bytes on the wire.
 *
 * <p>Threads: the VU's thread, except {@link #messageSent}, which Netty calls when a write completes
 * ({@link Vu#emit} is thread-safe and the tags are immutable).
 */
final class Session {

    private final Vu vu;
    private final WsMetrics metrics;
    private final long startNanos = System.nanoTime();
    private final long startTime = Sample.nowNanos();
    private final Map<String, Long> pingsInFlight = new HashMap<>();
    private volatile SessionTags tags;
    private Connection connection;
    private int pingCounter;
    private boolean ended;

    Session(Vu vu, WsMetrics metrics, SessionTags tags) {
        this.vu = vu;
        this.metrics = metrics;
        this.tags = tags;
    }

    /** The connection these metrics describe, once {@link WebSocketClient#connect} made it. */
    void attach(Connection connection) {
        this.connection = connection;
    }

    /** The upgrade was answered (with {@code handshake}), or failed before any answer ({@code null}). */
    void connected(HandshakeResult handshake) {
        if (handshake != null) {
            tags = tags.answered(handshake);
        }
        // Timed where Netty saw the answer, not when the (possibly busy) VU thread got to it.
        long answered = connection != null && connection.answeredAtNanos() != 0 ? connection.answeredAtNanos()
                : System.nanoTime();
        double connecting = (answered - startNanos) / 1e6;
        TagSet tagSet = tags.tags();
        vu.emit(List.of(
                new Sample(metrics.sessions(), startTime, 1, tagSet, vu.state().metadata()),
                new Sample(metrics.connecting(), startTime, connecting, tagSet, vu.state().metadata())));
    }

    void messageReceived() {
        vu.emit(metrics.msgsReceived().sample(1, tags.tags()));
    }

    /** A message went out. Any thread. */
    void messageSent() {
        vu.emit(metrics.msgsSent().sample(1, tags.tags()));
    }

    /** The payload for our next ping; its pong is timed by {@link #pongReceived}. */
    byte[] nextPing() {
        String id = Integer.toString(pingCounter++);
        pingsInFlight.put(id, System.nanoTime());
        return id.getBytes(StandardCharsets.UTF_8);
    }

    /** A pong arrived: {@code ws_ping} if it answers one of our pings. */
    void pongReceived(byte[] payload) {
        Long sentAt = pingsInFlight.remove(new String(payload, StandardCharsets.UTF_8));
        if (sentAt != null) {
            vu.emit(metrics.ping().sample((System.nanoTime() - sentAt) / 1e6, tags.tags()));
        }
    }

    /** The connection is gone: the session's duration and its bytes. Once. */
    void ended() {
        if (ended) {
            return;
        }
        ended = true;
        TagSet tagSet = tags.tags();
        List<Sample> samples = new ArrayList<>(3);
        samples.add(metrics.sessionDuration().sample((System.nanoTime() - startNanos) / 1e6, tagSet));
        if (connection != null) {
            samples.add(metrics.dataSent().sample(connection.takeBytesSent(), tagSet));
            samples.add(metrics.dataReceived().sample(connection.takeBytesReceived(), tagSet));
        }
        vu.emit(samples);
    }
}
