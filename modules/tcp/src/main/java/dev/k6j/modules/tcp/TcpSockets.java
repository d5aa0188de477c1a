package dev.k6j.modules.tcp;

import dev.k6j.spi.Vu;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * One VU's socket factory, the object the glue calls for {@code new Socket()}. It also closes, quietly, the sockets
 * an interrupted or failed iteration left open: the event loop's reset hook says when that happened (and, as a
 * second line of defence, a socket still open when a later iteration connects was abandoned too, since an open
 * socket keeps its iteration alive).
 *
 * <p>Threads: the VU's thread only.
 */
public final class TcpSockets {

    private final Vu vu;
    private final TcpMetrics metrics;
    private final TcpTransport transport;
    private final Set<TcpSocket> inUse = new HashSet<>();
    private AddressResolver resolver;

    TcpSockets(Vu vu, TcpMetrics metrics, TcpTransport transport) {
        this.vu = vu;
        this.metrics = metrics;
        this.transport = transport;
        vu.eventLoop().addResetHook(this::abandonAll);
    }

    /** The loop dropped its callbacks: every socket still open belongs to an iteration that is over. */
    private void abandonAll() {
        for (TcpSocket socket : new ArrayList<>(inUse)) {
            socket.abandon();
        }
        inUse.clear();
    }

    /** {@code new Socket(options)}: {@code deliver(event, method, payload)} runs a handler in the glue. */
    @HostAccess.Export
    public TcpSocket open(Value options, Value deliver) {
        Value tags = options == null || options.isNull() ? null : options.getMember("tags");
        try {
            return new TcpSocket(vu, this, metrics, transport, ConnectTarget.tags(tags, "Socket"), deliver);
        } catch (IllegalArgumentException e) {
            throw vu.jsError("TypeError", e.getMessage());
        }
    }

    /** The {@code hosts} rules, read once the options are final (connects happen after init). */
    AddressResolver resolver() {
        if (resolver == null) {
            resolver = AddressResolver.from(vu.testRun().options());
        }
        return resolver;
    }

    /** A socket starts connecting: sockets left open by earlier iterations are closed. */
    void connecting(TcpSocket socket) {
        long iteration = vu.state().iteration();
        for (TcpSocket other : new ArrayList<>(inUse)) {
            if (other.openedInIteration() < iteration) {
                other.abandon();
                inUse.remove(other);
            }
        }
        inUse.add(socket);
    }

    /** A socket closed. */
    void closed(TcpSocket socket) {
        inUse.remove(socket);
    }
}
