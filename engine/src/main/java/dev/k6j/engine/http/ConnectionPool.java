package dev.k6j.engine.http;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The connections of one VU, by target: idle HTTP/1.1 connections kept alive for the next request, and one shared
 * HTTP/2 connection per target. With {@code noConnectionReuse} nothing is kept; {@link #closeAll()} implements
 * {@code noVUConnectionReuse} between iterations.
 *
 * <p>Threads: thread-safe. The VU thread acquires, event loops release.
 */
final class ConnectionPool {

    private final Connector connector;
    private final HostResolver resolver;
    private final boolean reuse;
    private final Map<Target, Deque<Http1Connection>> idle = new ConcurrentHashMap<>();
    private final Map<Target, Http2Connection> shared = new ConcurrentHashMap<>();

    ConnectionPool(Connector connector, HostResolver resolver, boolean reuse) {
        this.connector = connector;
        this.resolver = resolver;
        this.reuse = reuse;
    }

    /** A connection to {@code target}: a kept one if any, else a new one. Marks the connection moments. */
    CompletableFuture<Connection> acquire(Target target, TimingMarks marks) {
        if (reuse) {
            Http2Connection h2 = shared.get(target);
            if (h2 != null) {
                if (h2.usable()) {
                    marks.reused();
                    return CompletableFuture.completedFuture(h2);
                }
                shared.remove(target, h2);
            }
            Deque<Http1Connection> kept = idle.get(target);
            if (kept != null) {
                Http1Connection connection;
                while ((connection = kept.pollFirst()) != null) {
                    if (connection.usable()) {
                        marks.reused();
                        return CompletableFuture.completedFuture(connection);
                    }
                    connection.close();
                }
            }
        }
        return resolver.resolve(target.host(), target.port())
                .thenCompose(address -> connector.connect(target, address, marks, c -> release(target, c)))
                .thenApply(connection -> {
                    marks.gotConn = TimingMarks.now();
                    if (connection instanceof Http2Connection h2 && reuse) {
                        shared.putIfAbsent(target, h2);
                    }
                    return connection;
                });
    }

    /** An HTTP/1.1 connection whose exchange ended: kept for the next request, or closed. */
    private void release(Target target, Http1Connection connection) {
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
        for (Deque<Http1Connection> kept : idle.values()) {
            Http1Connection connection;
            while ((connection = kept.pollFirst()) != null) {
                all.add(connection);
            }
        }
        all.forEach(Connection::close);
    }
}
