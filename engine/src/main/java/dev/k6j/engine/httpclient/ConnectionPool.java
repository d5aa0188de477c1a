package dev.k6j.engine.httpclient;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;

/**
 * The connections of one VU, by target: idle HTTP/1.1 connections kept alive for the next request, and one shared
 * HTTP/2 connection per target. With {@code noConnectionReuse} nothing is kept; {@link #closeAll()} implements
 * {@code noVUConnectionReuse} between iterations.
 *
 * <p>Threads: thread-safe. Round-trip threads acquire (blocking while they connect) and release.
 */
final class ConnectionPool {

    private final Connector connector;
    private final HostResolver resolver;
    private final boolean reuse;
    private final Map<Target, Deque<Connection>> idle = new ConcurrentHashMap<>();
    private final Map<Target, Http2Connection> shared = new ConcurrentHashMap<>();

    ConnectionPool(Connector connector, HostResolver resolver, boolean reuse) {
        this.connector = connector;
        this.resolver = resolver;
        this.reuse = reuse;
    }

    /**
     * A connection to {@code target} for the exchange: a kept one if any, else a new one (blocking while it resolves
     * and connects; an abort of the exchange stops that). Marks the connection moments.
     */
    Connection acquire(Target target, Exchange exchange) throws Exception {
        TimingMarks marks = exchange.marks();
        if (reuse) {
            Http2Connection h2 = shared.get(target);
            if (h2 != null) {
                if (h2.usable()) {
                    marks.reused();
                    return h2;
                }
                shared.remove(target, h2);
            }
            Deque<Connection> kept = idle.get(target);
            if (kept != null) {
                Connection connection;
                while ((connection = kept.pollFirst()) != null) {
                    if (connection.usable()) {
                        marks.reused();
                        return connection;
                    }
                    connection.close();
                }
            }
        }
        InetSocketAddress address;
        try {
            address = resolver.resolve(target.host(), target.port()).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        Connection connection = connector.connect(target, address, exchange, c -> release(target, c));
        marks.gotConn = TimingMarks.now();
        if (connection instanceof Http2Connection h2 && reuse) {
            Http2Connection other = shared.putIfAbsent(target, h2);
            if (other != null) {
                // Requests that started together (a batch) each connected: as Go's transport does, one HTTP/2
                // connection per host carries them all, and the spare ones close.
                if (other.usable()) {
                    h2.close();
                    return other;
                }
                shared.replace(target, other, h2);
            }
        }
        return connection;
    }

    /** An HTTP/1.1 connection whose exchange ended: kept for the next request, or closed. */
    private void release(Target target, Connection connection) {
        if (reuse && connection.usable()) {
            idle.computeIfAbsent(target, t -> new ConcurrentLinkedDeque<>()).addFirst(connection);
        } else {
            connection.close();
        }
    }

    /** Closes every kept connection. */
    void closeAll() {
        List<Connection> all = new ArrayList<>(shared.values());
        shared.clear();
        for (Deque<Connection> kept : idle.values()) {
            Connection connection;
            while ((connection = kept.pollFirst()) != null) {
                all.add(connection);
            }
        }
        all.forEach(Connection::close);
    }
}
