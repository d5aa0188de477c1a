package dev.k6j.engine.httpclient;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSession;

/**
 * HTTP/2 over TLS (ALPN chose {@code h2}), driven by the threads of its requests: each request writes its own
 * stream's frames and, while it waits for its response, one waiting thread at a time reads the connection and hands
 * every frame to the stream it belongs to. A request alone on the connection (the common case) thus sends and
 * receives on its own thread, with no hand-over; concurrent requests (batch, async) share the connection as HTTP/2
 * streams, and the reading passes from one to the next as each one's response completes.
 *
 * <p>Go's transport is the model: flow-control windows of 4 MB per stream and 1 GB for the connection, a stream
 * refused, reset with PROTOCOL_ERROR or above a GOAWAY's last stream is sent again on a new connection
 * ({@link Http2RetryableFailure}), a cancelled stream is reset (RST_STREAM CANCEL). When the request that stops is
 * the one reading, a PING makes the server answer so the read returns; a server that does not answer within a
 * second loses the connection.
 *
 * <p>Threads: {@link #roundTrip} on any number of request threads at once, each blocked until its response; an
 * exchange's abort from any thread; two locks: {@code writeLock} for the socket's output and the HPACK encoder (taken
 * first), {@code lock} for the streams' state (never held during I/O).
 */
final class Http2Connection implements Connection {

    /** What the server may send on one stream before k6j gives it back (Go's transport: 4 MB). */
    static final int STREAM_WINDOW = 4 << 20;
    /** ... and on the whole connection (Go's: 1 GB). */
    static final int CONNECTION_WINDOW = 1 << 30;
    /** Streams assumed allowed at once until the server's SETTINGS say (Go assumes 100 too). */
    private static final int ASSUMED_MAX_STREAMS = 100;
    private static final int LAST_STREAM_ID = Integer.MAX_VALUE - 2;
    private static final long PROBE_AFTER_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long PING_ANSWER_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final byte[] WAKE_UP_PING = {'k', '6', 'j', '-', 'w', 'a', 'k', 'e'};

    /** What a waiting request waits for. */
    private enum Goal { SLOT, WINDOW, RESPONSE }

    private final SocketChannel socket;
    private final TlsSocket tls;
    private final InetSocketAddress remote;
    private final HttpTransport transport;
    private final Http2FrameReader frames;
    private final Http2HeaderBlocks headerBlocks = new Http2HeaderBlocks();

    private final ReentrantLock writeLock = new ReentrantLock();
    private final HpackEncoder encoder = new HpackEncoder();
    private final Http2FrameWriter out = new Http2FrameWriter();

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Integer, Http2Stream> streams = new HashMap<>();
    private final List<Http2Stream> waiting = new ArrayList<>();
    /** Frames the reading thread or an abort must send (acknowledgements, window updates, resets). */
    private final Http2FrameWriter control = new Http2FrameWriter();
    private volatile boolean controlPending;
    private int nextStreamId = 1;
    private int active;
    private int maxConcurrentStreams = ASSUMED_MAX_STREAMS;
    private int serverInitialWindow = Http2Frames.DEFAULT_WINDOW;
    private int serverMaxFrameSize = Http2Frames.DEFAULT_MAX_FRAME_SIZE;
    private long serverTableSize = -1;
    private long sendWindow = Http2Frames.DEFAULT_WINDOW;
    private long receivedUnacknowledged;
    /** Someone reads the connection now: the thread of this stream, or a probe ({@code readingStream} null). */
    private boolean reading;
    private Http2Stream readingStream;
    private int goAwayLastStreamId = -1;
    /** The server reset a stream with PROTOCOL_ERROR: the streams on it finish, new requests go elsewhere. */
    private boolean doNotReuse;
    private long goAwayErrorCode;
    private Throwable broken;
    private long idleSince = System.nanoTime();

    private Http2Connection(SocketChannel socket, TlsSocket tls, InetSocketAddress remote, HttpTransport transport) {
        this.socket = socket;
        this.tls = tls;
        this.remote = remote;
        this.transport = transport;
        this.frames = new Http2FrameReader(tls);
    }

    /**
     * Starts HTTP/2 on a TLS connection whose handshake chose it: the preface, k6j's settings (no push, Go's stream
     * window and header list limit), the bigger connection window.
     */
    static Http2Connection start(SocketChannel socket, TlsSocket tls, InetSocketAddress remote,
                                 HttpTransport transport) throws IOException {
        Http2Connection connection = new Http2Connection(socket, tls, remote, transport);
        Http2FrameWriter preface = new Http2FrameWriter();
        preface.preface();
        preface.settings(Http2Frames.SETTINGS_ENABLE_PUSH, 0, Http2Frames.SETTINGS_INITIAL_WINDOW_SIZE, STREAM_WINDOW,
                Http2Frames.SETTINGS_MAX_HEADER_LIST_SIZE, Http2HeaderBlocks.MAX_HEADER_LIST_SIZE);
        preface.windowUpdate(0, CONNECTION_WINDOW - Http2Frames.DEFAULT_WINDOW);
        tls.write(preface.bytes(), 0, preface.size());
        return connection;
    }

    // ---- a request's round trip --------------------------------------------------------------------------------

    @Override
    public RawResponse roundTrip(Exchange exchange) throws Exception {
        exchange.connection(this);
        Http2Stream stream = new Http2Stream(exchange, lock.newCondition());
        exchange.abortHook(() -> abort(stream));
        try {
            takeSlot(stream);
            writeHead(stream);
            writeBody(stream);
            lock.lock();
            try {
                awaitGoal(stream, Goal.RESPONSE);
                throwIfFailed(stream);
            } finally {
                lock.unlock();
            }
            return stream.response();
        } finally {
            exchange.abortHook(null);
            finish(stream);
        }
    }

    private void takeSlot(Http2Stream stream) throws IOException, InterruptedException {
        lock.lock();
        try {
            awaitGoal(stream, Goal.SLOT);
            throwIfFailed(stream);
            throwIfClosing();
            active++;
            stream.counted = true;
        } finally {
            lock.unlock();
        }
    }

    /** The request's HEADERS (a small body's DATA with them, when the windows allow), in one write. */
    private void writeHead(Http2Stream stream) throws IOException {
        WireRequest request = stream.exchange.request();
        byte[] body = request.body();
        boolean bodyless = body == null || body.length == 0;
        writeLock.lock();
        try {
            int maxFrameSize;
            long tableSize;
            boolean bodyInline;
            lock.lock();
            try {
                throwIfFailed(stream);
                throwIfClosing();
                stream.id = nextStreamId;
                nextStreamId += 2;
                streams.put(stream.id, stream);
                stream.sendWindow = serverInitialWindow;
                maxFrameSize = serverMaxFrameSize;
                tableSize = serverTableSize;
                serverTableSize = -1;
                bodyInline = !bodyless && body.length <= Math.min(maxFrameSize, Math.min(sendWindow, stream.sendWindow));
                if (bodyInline) {
                    sendWindow -= body.length;
                    stream.sendWindow -= body.length;
                }
            } finally {
                lock.unlock();
            }
            if (tableSize >= 0) {
                encoder.serverTableSize(tableSize);
            }
            encoder.encode(request, "https");
            out.clear();
            out.headers(stream.id, encoder.bytes(), encoder.size(), bodyless, maxFrameSize);
            if (bodyInline) {
                out.data(stream.id, body, 0, body.length, true);
                stream.sent = body.length;
            }
            send(out);
            if (bodyless || bodyInline) {
                stream.exchange.marks().wroteRequest = TimingMarks.now();
                stream.requestEnded = true;
            }
        } finally {
            writeLock.unlock();
        }
        flushControl();
    }

    /** The rest of the body, in DATA frames as the flow-control windows open. */
    private void writeBody(Http2Stream stream) throws IOException, InterruptedException {
        byte[] body = stream.exchange.request().body();
        while (body != null && stream.sent < body.length) {
            int length;
            lock.lock();
            try {
                awaitGoal(stream, Goal.WINDOW);
                throwIfFailed(stream);
                if (stream.ended || stream.closed) {
                    return;   // the server answered (or reset) before the body was all sent: the rest is not sent
                }
                length = (int) Math.min(Math.min(sendWindow, stream.sendWindow),
                        Math.min(serverMaxFrameSize, body.length - stream.sent));
                sendWindow -= length;
                stream.sendWindow -= length;
            } finally {
                lock.unlock();
            }
            boolean last = stream.sent + length == body.length;
            writeLock.lock();
            try {
                out.clear();
                out.data(stream.id, body, stream.sent, length, last);
                send(out);
            } finally {
                writeLock.unlock();
            }
            flushControl();
            stream.sent += length;
            if (last) {
                stream.exchange.marks().wroteRequest = TimingMarks.now();
                stream.requestEnded = true;
            }
        }
    }

    /** Writes what {@code frames} holds, with any control frames waiting; the caller holds {@code writeLock}. */
    private void send(Http2FrameWriter frames) throws IOException {
        if (controlPending) {
            takeControl(frames);
        }
        try {
            tls.write(frames.bytes(), 0, frames.size());
        } catch (IOException e) {
            lock.lock();
            try {
                broke(e);
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    /** After the round trip: the stream leaves, reset if it ended early, and its slot frees up. */
    private void finish(Http2Stream stream) {
        boolean closeNow;
        lock.lock();
        try {
            if (stream.id != 0) {
                streams.remove(stream.id);
                if (!(stream.ended && stream.requestEnded) && broken == null) {
                    queueReset(stream);   // stopped early, or the server answered before the whole body went out
                }
            }
            if (stream.counted) {
                active--;
                stream.counted = false;
                if (active == 0) {
                    idleSince = System.nanoTime();
                }
            }
            wakeAllWaiting();
            // noConnectionReuse: the connection was this request's alone (the pool does not share it). One that takes
            // no new request (a GOAWAY, a PROTOCOL_ERROR reset) closes with its last stream, as Go's does.
            closeNow = active == 0 && (stream.exchange.closeRequested() || !takesNewStreams());
        } finally {
            lock.unlock();
        }
        flushControlQuietly();
        if (closeNow) {
            close();
        }
    }

    // ---- waiting, and reading for everyone ----------------------------------------------------------------------

    /**
     * Waits, with {@code lock} held, until the goal is reached or the stream failed: reading the connection when
     * no one else does, else sleeping until the reading thread has news for this stream or gives up reading. A
     * request waiting for a slot never reads: a slot frees when another request finishes, not when a frame arrives,
     * and a read could then block with no stream left to answer it.
     */
    private void awaitGoal(Http2Stream stream, Goal goal) throws InterruptedException {
        while (!reached(stream, goal)) {
            if (reading || goal == Goal.SLOT) {
                waiting.add(stream);
                try {
                    stream.changed.await();
                } finally {
                    waiting.remove(stream);
                }
                continue;
            }
            reading = true;
            readingStream = stream;
            try {
                readUntil(stream, goal);
            } finally {
                reading = false;
                readingStream = null;
                wakeAllWaiting();   // one of them reads next
            }
        }
    }

    private boolean reached(Http2Stream stream, Goal goal) {
        if (stream.failure != null || broken != null) {
            return true;
        }
        return switch (goal) {
            case SLOT -> active < maxConcurrentStreams || goAwayLastStreamId >= 0;
            case WINDOW -> Math.min(sendWindow, stream.sendWindow) > 0 || stream.ended || stream.closed;
            case RESPONSE -> stream.ended;
        };
    }

    /** Reads frames, {@code lock} released during each read, until the goal is reached or the connection breaks. */
    private void readUntil(Http2Stream stream, Goal goal) {
        while (!reached(stream, goal)) {
            lock.unlock();
            Throwable failure = null;
            try {
                frames.read();
                handleFrame();
            } catch (IOException | RuntimeException e) {
                failure = e;
            } finally {
                lock.lock();
            }
            if (failure != null) {
                protocolFailure(failure);
                broke(failure);
            }
        }
    }

    private void wakeAllWaiting() {
        for (Http2Stream other : waiting) {
            other.changed.signal();
        }
    }

    // ---- frames from the server --------------------------------------------------------------------------------

    /** Acts on the frame just read: the reading thread, {@code lock} not held. */
    private void handleFrame() throws IOException {
        int type = frames.type();
        if (headerBlocks.open() && type != Http2Frames.CONTINUATION) {
            throw new Http2ProtocolException(Http2ErrorCodes.PROTOCOL_ERROR, "a frame inside a header block");
        }
        switch (type) {
            case Http2Frames.HEADERS, Http2Frames.CONTINUATION -> {
                Http2HeaderBlocks.Block block = headerBlocks.take(frames);
                if (block != null) {
                    onHeaders(block);
                }
            }
            case Http2Frames.DATA -> onData();
            case Http2Frames.RST_STREAM -> onReset();
            case Http2Frames.SETTINGS -> onSettings();
            case Http2Frames.PING -> onPing();
            case Http2Frames.GOAWAY -> onGoAway();
            case Http2Frames.WINDOW_UPDATE -> onWindowUpdate();
            case Http2Frames.PUSH_PROMISE ->
                    throw new Http2ProtocolException(Http2ErrorCodes.PROTOCOL_ERROR, "a push, which k6j disabled");
            default -> {
                // PRIORITY and frame types HTTP/2 leaves open: nothing to do (section 5.5)
            }
        }
        if (controlPending) {
            flushControl();
        }
    }

    private void onHeaders(Http2HeaderBlocks.Block block) {
        lock.lock();
        try {
            Http2Stream stream = streams.get(block.streamId());
            if (stream == null || stream.finished()) {
                return;   // a stream reset or ended meanwhile: the block only kept HPACK in step
            }
            stream.exchange.marks().firstByteIfUnset();
            if (block.tooLarge()) {
                failStream(stream, new HttpError(ErrorCodes.DEFAULT,
                        "http2: response header list larger than advertised limit"));
                queueReset(stream);
                return;
            }
            if (!stream.hasHead()) {
                int status = block.status();
                if (status < 100 || status > 999) {
                    failStream(stream, ErrorCodes.http2Stream(Http2ErrorCodes.PROTOCOL_ERROR));
                    queueReset(stream, Http2ErrorCodes.PROTOCOL_ERROR);
                    return;
                }
                if (status < 200 && status != 101) {
                    return;   // informational (100 Continue, 103 Early Hints): the final head follows
                }
                stream.head(status, block.fields());
            }
            // Trailers (a second block) are read and dropped, as before.
            if (block.endStream()) {
                stream.ended = true;
                stream.changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void onData() throws Http2ProtocolException {
        int streamId = frames.streamId();
        if (streamId == 0) {
            throw new Http2ProtocolException(Http2ErrorCodes.PROTOCOL_ERROR, "DATA on stream 0");
        }
        int length = frames.length();
        int offset = frames.payloadOffset();
        int dataLength = length;
        if (frames.flag(Http2Frames.FLAG_PADDED)) {
            if (length == 0) {
                throw new Http2ProtocolException(Http2ErrorCodes.PROTOCOL_ERROR, "DATA padding beyond the frame");
            }
            int padding = frames.buffer()[offset] & 0xff;
            offset++;
            dataLength = length - 1 - padding;
            if (dataLength < 0) {
                throw new Http2ProtocolException(Http2ErrorCodes.PROTOCOL_ERROR, "DATA padding beyond the frame");
            }
        }
        lock.lock();
        try {
            receivedUnacknowledged += length;
            if (receivedUnacknowledged >= CONNECTION_WINDOW / 2) {
                queue().windowUpdate(0, (int) receivedUnacknowledged);
                receivedUnacknowledged = 0;
            }
            Http2Stream stream = streams.get(streamId);
            if (stream == null || stream.finished()) {
                return;
            }
            if (!stream.hasHead()) {
                failStream(stream, ErrorCodes.http2Stream(Http2ErrorCodes.PROTOCOL_ERROR));
                queueReset(stream, Http2ErrorCodes.PROTOCOL_ERROR);
                return;
            }
            stream.data(frames.buffer(), offset, dataLength);
            if (frames.flag(Http2Frames.FLAG_END_STREAM)) {
                stream.ended = true;
                stream.changed.signal();
                return;
            }
            stream.unacknowledged += length;
            if (stream.unacknowledged >= STREAM_WINDOW / 2) {
                queue().windowUpdate(streamId, stream.unacknowledged);
                stream.unacknowledged = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    private void onReset() throws Http2ProtocolException {
        expectLength(4);
        long code = Http2FrameReader.int32(frames.buffer(), frames.payloadOffset()) & 0xffffffffL;
        lock.lock();
        try {
            Http2Stream stream = streams.get(frames.streamId());
            if (stream == null) {
                return;
            }
            stream.closed = true;
            if (stream.ended) {
                stream.changed.signal();   // a response that came whole before the request body did
                return;
            }
            // As Go's transport: a refused stream, or one reset with PROTOCOL_ERROR (after which the connection
            // takes no new request), is sent again; what it fails with when the retries run out is the reset.
            doNotReuse |= code == Http2ErrorCodes.PROTOCOL_ERROR;
            failStream(stream, code == Http2ErrorCodes.REFUSED_STREAM || code == Http2ErrorCodes.PROTOCOL_ERROR
                    ? new Http2RetryableFailure(ErrorCodes.http2Stream(code), code == Http2ErrorCodes.REFUSED_STREAM)
                    : ErrorCodes.http2Stream(code));
        } finally {
            lock.unlock();
        }
    }

    private void onSettings() throws Http2ProtocolException {
        if (frames.flag(Http2Frames.FLAG_ACK)) {
            return;
        }
        if (frames.length() % 6 != 0) {
            throw new Http2ProtocolException(Http2ErrorCodes.FRAME_SIZE_ERROR, "SETTINGS of a bad length");
        }
        lock.lock();
        try {
            byte[] b = frames.buffer();
            for (int at = frames.payloadOffset(); at < frames.payloadOffset() + frames.length(); at += 6) {
                int id = (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
                long value = Http2FrameReader.int32(b, at + 2) & 0xffffffffL;
                applySetting(id, value);
            }
            queue().settingsAck();
            wakeAllWaiting();
        } finally {
            lock.unlock();
        }
    }

    private void applySetting(int id, long value) throws Http2ProtocolException {
        switch (id) {
            case Http2Frames.SETTINGS_HEADER_TABLE_SIZE -> serverTableSize = value;
            case Http2Frames.SETTINGS_MAX_CONCURRENT_STREAMS -> maxConcurrentStreams = (int) Math.min(value,
                    Integer.MAX_VALUE);
            case Http2Frames.SETTINGS_INITIAL_WINDOW_SIZE -> {
                if (value > Integer.MAX_VALUE) {
                    throw new Http2ProtocolException(Http2ErrorCodes.FLOW_CONTROL_ERROR, "a window beyond 2^31-1");
                }
                long delta = value - serverInitialWindow;
                for (Http2Stream stream : streams.values()) {
                    stream.sendWindow += delta;
                }
                serverInitialWindow = (int) value;
            }
            case Http2Frames.SETTINGS_MAX_FRAME_SIZE -> {
                if (value < Http2Frames.DEFAULT_MAX_FRAME_SIZE || value > (1 << 24) - 1) {
                    throw new Http2ProtocolException(Http2ErrorCodes.PROTOCOL_ERROR, "a bad SETTINGS_MAX_FRAME_SIZE");
                }
                serverMaxFrameSize = (int) value;
            }
            default -> {
                // ENABLE_PUSH is the client's to set; other settings do not concern a client
            }
        }
    }

    private void onPing() throws Http2ProtocolException {
        expectLength(8);
        if (frames.flag(Http2Frames.FLAG_ACK)) {
            return;   // the answer to a wake-up ping: reading it was the point
        }
        lock.lock();
        try {
            queue().ping(true, frames.buffer(), frames.payloadOffset());
        } finally {
            lock.unlock();
        }
    }

    private void onGoAway() throws Http2ProtocolException {
        if (frames.length() < 8) {
            throw new Http2ProtocolException(Http2ErrorCodes.FRAME_SIZE_ERROR, "a GOAWAY shorter than 8 bytes");
        }
        int lastStreamId = Http2FrameReader.int32(frames.buffer(), frames.payloadOffset()) & 0x7fffffff;
        long code = Http2FrameReader.int32(frames.buffer(), frames.payloadOffset() + 4) & 0xffffffffL;
        lock.lock();
        try {
            goAwayLastStreamId = goAwayLastStreamId < 0 ? lastStreamId : Math.min(goAwayLastStreamId, lastStreamId);
            goAwayErrorCode = code;
            for (Http2Stream stream : streams.values()) {
                if (stream.id > goAwayLastStreamId && !stream.finished()) {
                    stream.closed = true;
                    failStream(stream, new UnprocessedRequest(
                            "http2: Transport received Server's graceful shutdown GOAWAY"));
                }
            }
            wakeAllWaiting();
        } finally {
            lock.unlock();
        }
    }

    private void onWindowUpdate() throws Http2ProtocolException {
        expectLength(4);
        int increment = Http2FrameReader.int32(frames.buffer(), frames.payloadOffset()) & 0x7fffffff;
        lock.lock();
        try {
            if (frames.streamId() == 0) {
                if (increment == 0 || sendWindow + increment > Integer.MAX_VALUE) {
                    throw new Http2ProtocolException(Http2ErrorCodes.FLOW_CONTROL_ERROR, "a bad connection window");
                }
                sendWindow += increment;
            } else {
                Http2Stream stream = streams.get(frames.streamId());
                if (stream != null) {
                    stream.sendWindow += increment;
                }
            }
            wakeAllWaiting();
        } finally {
            lock.unlock();
        }
    }

    private void expectLength(int length) throws Http2ProtocolException {
        if (frames.length() != length) {
            throw new Http2ProtocolException(Http2ErrorCodes.FRAME_SIZE_ERROR,
                    "a frame of type " + frames.type() + " with " + frames.length() + " bytes");
        }
    }

    // ---- failures, aborts, control frames ----------------------------------------------------------------------

    private void failStream(Http2Stream stream, Throwable failure) {
        if (stream.failure == null) {
            stream.failure = failure;
        }
        stream.changed.signal();
    }

    /**
     * The exchange was stopped (timeout, VU stopping): the stream fails at once and is reset. When its thread is the
     * one reading, a PING makes the server answer so that the read returns (and the connection goes if it does not).
     */
    private void abort(Http2Stream stream) {
        boolean wakeReader;
        lock.lock();
        try {
            if (stream.finished()) {
                return;
            }
            failStream(stream, stream.exchange.failure());
            wakeReader = readingStream == stream;
            if (stream.id != 0 && !stream.closed) {
                queueReset(stream);
                if (wakeReader) {
                    queue().ping(false, WAKE_UP_PING, 0);
                }
            }
        } finally {
            lock.unlock();
        }
        // Not on the aborting thread (the timer's): a write may wait for the socket.
        transport.blocking().execute(this::flushControlQuietly);
        if (wakeReader) {
            transport.schedule(() -> {
                if (stillReadingFor(stream)) {
                    close();
                }
            }, PING_ANSWER_NANOS);
        }
    }

    private boolean stillReadingFor(Http2Stream stream) {
        lock.lock();
        try {
            return readingStream == stream;
        } finally {
            lock.unlock();
        }
    }

    /** Queues RST_STREAM CANCEL for a stream the server still considers open, once. */
    private void queueReset(Http2Stream stream) {
        queueReset(stream, Http2ErrorCodes.CANCEL);
    }

    private void queueReset(Http2Stream stream, int code) {
        if (!stream.closed) {
            stream.closed = true;   // nothing more is to be sent on it
            queue().rstStream(stream.id, code);
        }
    }

    /** The control frames to send, {@code lock} held. */
    private Http2FrameWriter queue() {
        controlPending = true;
        return control;
    }

    /** Moves the queued control frames into {@code frames}. */
    private void takeControl(Http2FrameWriter frames) {
        lock.lock();
        try {
            frames.append(control);
            control.clear();
            controlPending = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends the queued control frames unless a writer holds {@code writeLock}; that writer sends them with its own
     * frames, and calls this again when it is done. So the reading thread never waits for a writer.
     */
    private void flushControl() throws IOException {
        while (controlPending && writeLock.tryLock()) {
            try {
                out.clear();
                send(out);
            } finally {
                writeLock.unlock();
            }
        }
    }

    private void flushControlQuietly() {
        try {
            flushControl();
        } catch (IOException | RuntimeException ignored) {
            // the connection broke: its streams learn it from broke()
        }
    }

    /** A connection error of k6j's finding: a GOAWAY with its code, best effort, before the connection closes. */
    private void protocolFailure(Throwable failure) {
        if (failure instanceof Http2ProtocolException protocol && broken == null) {
            queue().goAway(0, protocol.errorCode());
            transport.blocking().execute(this::flushControlQuietly);
        }
    }

    /** The connection is unusable: every stream on it fails, and the socket closes. {@code lock} held. */
    private void broke(Throwable cause) {
        if (broken != null) {
            return;
        }
        broken = cause;
        Throwable failure = failureOfStreams(cause);
        for (Http2Stream stream : streams.values()) {
            failStream(stream, failure);
        }
        wakeAllWaiting();
        if (!(cause instanceof Http2ProtocolException)) {
            close();
        } else {
            transport.schedule(this::close, TimeUnit.MILLISECONDS.toNanos(100));   // after the GOAWAY went out
        }
    }

    /** What the streams of a broken connection fail with, as Go's transport reports it. */
    private Throwable failureOfStreams(Throwable cause) {
        if (cause instanceof Http2ProtocolException protocol) {
            return ErrorCodes.http2Connection(protocol.errorCode());
        }
        if (goAwayLastStreamId >= 0) {
            return ErrorCodes.http2GoAway(goAwayErrorCode);
        }
        if (cause instanceof EOFException) {
            return new HttpError(ErrorCodes.DEFAULT, "unexpected EOF", cause);
        }
        return cause;
    }

    private void throwIfFailed(Http2Stream stream) throws IOException {
        Throwable failure = stream.failure != null ? stream.failure : broken == null ? null : failureOfStreams(broken);
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IOException(failure);
        }
    }

    /** A connection going away takes no new stream: the request goes to a new connection. */
    private void throwIfClosing() throws UnprocessedRequest {
        if (!takesNewStreams()) {
            throw new UnprocessedRequest("http2: client conn not usable");
        }
    }

    // ---- the pool's questions ------------------------------------------------------------------------------------

    /**
     * Whether it takes new requests. A connection idle for a while first reads, without blocking, what the server
     * sent meanwhile (a GOAWAY, the end of the connection, a PING to answer).
     */
    @Override
    public boolean usable() {
        lock.lock();
        try {
            if (!takesNewStreams()) {
                if (active == 0 && !reading) {
                    close();   // idle and of no more use; the pool forgets it
                }
                return false;
            }
            if (active > 0 || reading || System.nanoTime() - idleSince < PROBE_AFTER_IDLE_NANOS) {
                return true;
            }
            reading = true;
        } finally {
            lock.unlock();
        }
        Throwable failure = null;
        try {
            while (frames.poll()) {
                handleFrame();
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        lock.lock();
        try {
            reading = false;
            if (failure != null) {
                protocolFailure(failure);
                broke(failure);
            }
            idleSince = System.nanoTime();
            wakeAllWaiting();
            if (!takesNewStreams() && active == 0) {
                close();
            }
            return takesNewStreams();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a new request may start a stream on it; {@code lock} held. */
    private boolean takesNewStreams() {
        return broken == null && goAwayLastStreamId < 0 && !doNotReuse && nextStreamId <= LAST_STREAM_ID;
    }

    @Override
    public boolean http2() {
        return true;
    }

    @Override
    public void close() {
        TcpDialer.closeQuietly(socket);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public SSLSession tlsSession() {
        return tls.session();
    }
}
