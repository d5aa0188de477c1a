package dev.k6j.modules.tcp;

import dev.k6j.spi.Metric;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.Vu;
import dev.k6j.spi.VuTaskQueue;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelProgressivePromise;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * One {@code Socket}: its ready state, its connection, its counters and its metrics. The glue ({@code tcp.js})
 * calls the exported methods; {@link Dialer} and {@link SocketHandler} report from Netty's threads through
 * {@link VuTaskQueue}, so every handler and promise settles on the VU's thread, in the order things happened.
 *
 * <p>Threads: exported methods and the {@code on…} tasks run on the VU's thread; {@code state}, {@code channel} and
 * {@code tags} are also read by Netty threads, hence volatile; the byte counters are atomic.
 */
public final class TcpSocket {

    /** xk6-tcp's {@code ready_state} values. */
    enum ReadyState {
        DISCONNECTED, OPENING, OPEN, DESTROYED;

        String jsName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Vu vu;
    private final TcpSockets sockets;
    private final TcpMetrics metrics;
    private final TcpTransport transport;
    private final Map<String, String> socketTags;
    private final Value deliver;
    private final VuTaskQueue events;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();

    private volatile ReadyState state = ReadyState.DISCONNECTED;
    private volatile Channel channel;
    private volatile TagSet tags;
    private volatile long idleMillis;
    private long openedInIteration = -1;
    private InetSocketAddress local;
    private InetSocketAddress remote;
    private boolean closeDelivered;

    TcpSocket(Vu vu, TcpSockets sockets, TcpMetrics metrics, TcpTransport transport, Map<String, String> socketTags,
              Value deliver) {
        this.vu = vu;
        this.sockets = sockets;
        this.metrics = metrics;
        this.transport = transport;
        this.socketTags = Map.copyOf(socketTags);
        this.deliver = deliver;
        this.events = new VuTaskQueue(vu.eventLoop());
    }

    @HostAccess.Export
    public void connect(Value portOrOptions, Value host, Value resolve, Value reject) {
        if (state != ReadyState.DISCONNECTED) {
            failNow("connect", state == ReadyState.DESTROYED ? "socket is destroyed and cannot be reused"
                    : "socket is already " + (state == ReadyState.OPEN ? "connected" : "connecting"), reject);
            return;
        }
        ConnectTarget target;
        try {
            target = ConnectTarget.parse(portOrOptions, host);
        } catch (IllegalArgumentException e) {
            failNow("connect", e.getMessage(), reject);
            return;
        }
        tags = vuTags().withAll(TagSet.of(target.tags())).with("host", target.host())
                .with("port", Integer.toString(target.port()));
        openedInIteration = vu.state().iteration();
        sockets.connecting(this);
        state = ReadyState.OPENING;
        events.keepAlive();
        new Dialer(this, transport, vu.testRun()).dial(target, sockets.resolver(), idleMillis, resolve, reject);
    }

    @HostAccess.Export
    public void write(Value data, Value options, Value resolve, Value reject) {
        Value encoding = options == null || options.isNull() ? null : options.getMember("encoding");
        TagSet writeTags = currentTags();
        byte[] bytes;
        try {
            if (options != null && !options.isNull()) {
                writeTags = writeTags.withAll(TagSet.of(ConnectTarget.tags(options.getMember("tags"), "write")));
            }
            if (data == null || data.isNull()) {
                throw new IllegalArgumentException("data must be a string or an ArrayBuffer");
            }
            bytes = data.isString()
                    ? PayloadEncoding.bytes(data.asString(), encoding == null || encoding.isNull() ? null
                    : ConnectTarget.text(encoding))
                    : (byte[]) vu.fromJs(data);
        } catch (IllegalArgumentException e) {
            failNow("write", e.getMessage(), reject, writeTags);
            return;
        }
        Channel open = channel;
        if (state != ReadyState.OPEN || open == null) {
            failNow("write", state == ReadyState.DESTROYED ? "no active connection: the socket is destroyed"
                    : "no active connection: connect first", reject, writeTags);
            return;
        }
        TagSet sampleTags = writeTags;
        ChannelProgressivePromise written = open.newProgressivePromise();
        written.addListener(new WriteOutcome(bytes.length) {
            @Override
            void succeeded() {
                bytesWritten.addAndGet(bytes.length);
                emit(metrics.writes(), 1, sampleTags);
                emit(metrics.dataSent(), bytes.length, sampleTags);
                events.execute(() -> resolve.executeVoid());
            }

            @Override
            void failed(Throwable cause, boolean partly) {
                emit(metrics.writes(), 1, sampleTags);
                if (partly) {
                    emit(metrics.partialWrites(), 1, sampleTags);
                }
                fail("write", SocketErrors.describe(cause, remoteAddress(open), null), reject, sampleTags);
            }
        });
        open.writeAndFlush(Unpooled.wrappedBuffer(bytes), written);
    }

    @HostAccess.Export
    public void setTimeout(double millis) {
        if (Double.isNaN(millis)) {
            throw vu.jsError("TypeError", "setTimeout needs a number of milliseconds (0 turns the timeout off)");
        }
        idleMillis = millis <= 0 ? 0 : Math.max(1, (long) millis);
        Channel open = channel;
        if (open != null) {
            SocketHandler.idleTimeout(open, idleMillis);
        }
    }

    @HostAccess.Export
    public void destroy(String error) {
        if (state == ReadyState.DESTROYED) {
            return;
        }
        if (error != null) {
            emit(metrics.errors(), 1, currentTags());
            events.executeLater(() -> deliver.execute("error", "destroy", error));
        }
        state = ReadyState.DESTROYED;
        Channel open = channel;
        if (open != null) {
            open.close();               // the close event follows from channelInactive, after pending writes fail
        } else {
            events.executeLater(this::onClosed);
        }
    }

    @HostAccess.Export
    public String readyState() {
        return state.jsName();
    }

    @HostAccess.Export
    public boolean connected() {
        return state == ReadyState.OPEN;
    }

    @HostAccess.Export
    public String localIp() {
        return local == null ? null : local.getAddress().getHostAddress();
    }

    @HostAccess.Export
    public Integer localPort() {
        return local == null ? null : local.getPort();
    }

    @HostAccess.Export
    public String remoteIp() {
        return remote == null ? null : remote.getAddress().getHostAddress();
    }

    @HostAccess.Export
    public Integer remotePort() {
        return remote == null ? null : remote.getPort();
    }

    @HostAccess.Export
    public long bytesWritten() {
        return bytesWritten.get();
    }

    @HostAccess.Export
    public long bytesRead() {
        return bytesRead.get();
    }

    // ---- from Dialer and SocketHandler (Netty threads) ----

    /** The address resolved: later samples carry its {@code ip} tag. */
    void resolved(InetSocketAddress address) {
        tags = tags.with("ip", address.getAddress().getHostAddress());
    }

    /** Connected (and TLS done): the connection belongs to this socket unless it was destroyed meanwhile. */
    void connected(Channel connection, Value resolve, Value reject) {
        if (state == ReadyState.DESTROYED) {
            connection.close();
            events.execute(() -> {
                rejection("connect", "socket destroyed while connecting", reject).run();
                onClosed();
            });
            return;
        }
        channel = connection;
        long connectedAt = System.nanoTime();
        connection.closeFuture().addListener(f -> emit(metrics.duration(), (System.nanoTime() - connectedAt) / 1e6,
                tags));
        emit(metrics.sockets(), 1, tags);
        events.execute(() -> {
            if (state != ReadyState.OPENING) {
                return;
            }
            state = ReadyState.OPEN;
            local = (InetSocketAddress) connection.localAddress();
            remote = (InetSocketAddress) connection.remoteAddress();
            deliver.execute("connect", null, null);
            resolve.executeVoid();
        });
    }

    /** Connecting failed: {@code error}, the promise rejected, the socket back to {@code disconnected}. */
    void connectFailed(String detail, Value reject) {
        emit(metrics.errors(), 1, tags);
        events.execute(() -> {
            if (state == ReadyState.OPENING) {
                state = ReadyState.DISCONNECTED;
            }
            rejection("connect", detail, reject).run();
            if (state == ReadyState.DISCONNECTED) {
                sockets.closed(this);
                events.release();
            }
        });
    }

    void received(byte[] bytes) {
        bytesRead.addAndGet(bytes.length);
        emit(metrics.reads(), 1, tags);
        emit(metrics.dataReceived(), bytes.length, tags);
        events.execute(() -> {
            if (state == ReadyState.OPEN) {
                deliver.execute("data", null, vu.toJs(bytes));
            }
        });
    }

    void idle() {
        emit(metrics.timeouts(), 1, tags);
        events.execute(() -> {
            if (state == ReadyState.OPEN) {
                deliver.execute("timeout", null, null);
            }
        });
    }

    void failed(Throwable cause) {
        emit(metrics.errors(), 1, tags);
        events.execute(() -> deliver.execute("error", "read",
                SocketErrors.message("read", SocketErrors.describe(cause, null, null))));
    }

    void inactive() {
        events.execute(this::onClosed);
    }

    // ---- VU thread ----

    long openedInIteration() {
        return openedInIteration;
    }

    /** Closes the connection of an iteration the engine gave up on; its events are gone with that iteration. */
    void abandon() {
        state = ReadyState.DESTROYED;
        closeDelivered = true;
        Channel open = channel;
        if (open != null) {
            open.close();
        }
        events.release();
    }

    private void onClosed() {
        if (closeDelivered) {
            return;
        }
        closeDelivered = true;
        state = ReadyState.DESTROYED;
        local = null;
        remote = null;
        sockets.closed(this);
        try {
            deliver.execute("close", null, null);
        } finally {
            events.release();
        }
    }

    private void failNow(String method, String detail, Value reject) {
        failNow(method, detail, reject, currentTags());
    }

    /** An error found on the VU thread: delivered later even if nothing keeps the iteration alive. */
    private void failNow(String method, String detail, Value reject, TagSet sampleTags) {
        emit(metrics.errors(), 1, sampleTags);
        events.executeLater(rejection(method, detail, reject));
    }

    /** An error found on a Netty thread, for a socket that is kept alive. */
    private void fail(String method, String detail, Value reject, TagSet sampleTags) {
        emit(metrics.errors(), 1, sampleTags);
        events.execute(rejection(method, detail, reject));
    }

    /** Runs the {@code error} handler, then rejects the promise with the same Error. */
    private Runnable rejection(String method, String detail, Value reject) {
        return () -> reject.execute(deliver.execute("error", method, SocketErrors.message(method, detail)));
    }

    private TagSet currentTags() {
        TagSet connectTags = tags;
        return connectTags != null ? connectTags : vuTags();
    }

    private TagSet vuTags() {
        return vu.state().tags().with("proto", "TCP").withAll(TagSet.of(socketTags));
    }

    private static InetSocketAddress remoteAddress(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress address ? address : null;
    }

    TcpMetrics metrics() {
        return metrics;
    }

    /** The tags of this socket's samples now (VU tags, proto, socket and connect tags, host, port, ip). */
    TagSet tags() {
        return tags;
    }

    void emit(Metric metric, double value, TagSet sampleTags) {
        vu.emit(metric.sample(value, sampleTags));
    }
}
