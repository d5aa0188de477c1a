package dev.k6j.engine.httpclient;

import dev.k6j.netty.TrafficCounter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * TLS over a blocking socket, driven by the threads that read and write it: an {@link SSLEngine} turns their bytes
 * into records and back, with no event loop in between. On a virtual thread a read that has to wait parks only that
 * thread. Counts the bytes on the wire (records, handshake included) for {@code data_sent} and {@code data_received}.
 *
 * <p>Threads: {@link #handshake()} first, on one thread; then one reader and one writer at a time, which may be
 * different threads at once (HTTP/2 reads a response while another request is written); {@link #close()} from any
 * thread wakes both with an exception.
 */
final class TlsSocket implements Http2FrameReader.Source {

    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final SocketChannel socket;
    private final SSLEngine engine;
    private final TrafficCounter traffic;
    private final ReentrantLock reading = new ReentrantLock();
    private final ReentrantLock writing = new ReentrantLock();
    /** Records read from the socket and not yet decrypted (write mode: they end at the position). */
    private ByteBuffer netIn;
    /** Decrypted bytes not yet taken (read mode). */
    private ByteBuffer appIn;
    /** Records on their way out. */
    private ByteBuffer netOut;
    private boolean inboundDone;

    /** @param engine a client engine set up with the test's TLS options, before its handshake */
    TlsSocket(SocketChannel socket, SSLEngine engine, TrafficCounter traffic) {
        this.socket = socket;
        this.engine = engine;
        this.traffic = traffic;
        SSLSession session = engine.getSession();
        netIn = ByteBuffer.allocate(session.getPacketBufferSize());
        appIn = ByteBuffer.allocate(session.getApplicationBufferSize()).flip();
        netOut = ByteBuffer.allocate(session.getPacketBufferSize());
    }

    /**
     * Runs the handshake, blocking.
     *
     * @throws SSLException what the handshake failed with (an untrusted certificate, no common protocol, ...)
     */
    void handshake() throws IOException {
        engine.beginHandshake();
        HandshakeStatus status = engine.getHandshakeStatus();
        try {
            while (true) {
                switch (status) {
                    case NEED_WRAP -> status = wrapAndSend(NOTHING);
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        SSLEngineResult result = unwrap();
                        if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW && receive() < 0) {
                            throw new EOFException("the server closed the connection during the TLS handshake");
                        }
                        if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                            throw new SSLException("the server closed TLS during the handshake");
                        }
                        status = result.getHandshakeStatus();
                    }
                    case NEED_TASK -> status = runTasks();
                    case FINISHED, NOT_HANDSHAKING -> {
                        return;
                    }
                }
            }
        } catch (SSLException e) {
            sendAlert();
            throw e;
        }
    }

    /** The protocol ALPN chose ({@code h2}, {@code http/1.1}), or "" when the server chose none. */
    String applicationProtocol() {
        String protocol = engine.getApplicationProtocol();
        return protocol == null ? "" : protocol;
    }

    SSLSession session() {
        return engine.getSession();
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** Reads decrypted bytes, blocking until there is at least one; -1 when the server ended the connection. */
    @Override
    public int read(byte[] b, int offset, int length) throws IOException {
        reading.lock();
        try {
            while (!appIn.hasRemaining()) {
                if (inboundDone) {
                    return -1;
                }
                SSLEngineResult result = unwrap();
                switch (result.getStatus()) {
                    case BUFFER_UNDERFLOW -> {
                        if (receive() < 0) {
                            inboundDone = true;   // a TCP end without close_notify: the caller sees the end
                        }
                    }
                    case CLOSED -> inboundDone = true;
                    default -> afterUnwrap(result.getHandshakeStatus());
                }
            }
            int n = Math.min(length, appIn.remaining());
            appIn.get(b, offset, n);
            return n;
        } finally {
            reading.unlock();
        }
    }

    /**
     * Takes in what the server sent without blocking and decrypts it: the decrypted bytes now available, or -1 when
     * the server ended the connection. Handshake messages the server may send an idle connection (TLS 1.3 session
     * tickets) are handled on the way and are not counted.
     */
    @Override
    public int available() throws IOException {
        reading.lock();
        try {
            if (!appIn.hasRemaining() && !inboundDone) {
                int received;
                socket.configureBlocking(false);
                try {
                    received = receive();
                } finally {
                    socket.configureBlocking(true);
                }
                if (received < 0) {
                    inboundDone = true;
                }
                while (!appIn.hasRemaining() && !inboundDone && netIn.position() > 0) {
                    SSLEngineResult result = unwrap();
                    if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        break;
                    }
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        inboundDone = true;
                    } else {
                        afterUnwrap(result.getHandshakeStatus());
                    }
                }
            }
            return appIn.hasRemaining() ? appIn.remaining() : inboundDone ? -1 : 0;
        } finally {
            reading.unlock();
        }
    }

    /** Decrypts one record from {@code netIn} into {@code appIn}, growing either buffer when the engine asks. */
    private SSLEngineResult unwrap() throws SSLException {
        while (true) {
            netIn.flip();
            appIn.compact();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
                appIn.flip();
            }
            switch (result.getStatus()) {
                case BUFFER_OVERFLOW -> appIn = grow(appIn, engine.getSession().getApplicationBufferSize(), true);
                case BUFFER_UNDERFLOW -> {
                    if (netIn.remaining() == 0) {
                        netIn = grow(netIn, engine.getSession().getPacketBufferSize(), false);
                    }
                    return result;
                }
                default -> {
                    return result;
                }
            }
        }
    }

    /** Reads from the socket into {@code netIn}: the bytes read, 0 when none are waiting (non-blocking), -1 at the end. */
    private int receive() throws IOException {
        int n = socket.read(netIn);
        if (n > 0) {
            traffic.addReceived(n);
        }
        return n;
    }

    /** Post-handshake messages: a key update to answer (TLS 1.3), a task to run. */
    private void afterUnwrap(HandshakeStatus status) throws IOException {
        while (status == HandshakeStatus.NEED_TASK || status == HandshakeStatus.NEED_WRAP) {
            status = status == HandshakeStatus.NEED_TASK ? runTasks() : wrapAndSend(NOTHING);
        }
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    /** Encrypts and sends all of {@code b[offset, offset + length)}, blocking until the socket took it. */
    void write(byte[] b, int offset, int length) throws IOException {
        ByteBuffer source = ByteBuffer.wrap(b, offset, length);
        while (source.hasRemaining()) {
            wrapAndSend(source);
        }
    }

    /** Wraps as much of {@code source} as one buffer of records holds (or a handshake message) and sends it. */
    private HandshakeStatus wrapAndSend(ByteBuffer source) throws IOException {
        writing.lock();
        try {
            netOut.clear();
            SSLEngineResult result;
            while (true) {
                result = engine.wrap(source, netOut);
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    if (netOut.position() > 0) {
                        break;   // send what is there, then wrap the rest
                    }
                    netOut = grow(netOut, engine.getSession().getPacketBufferSize(), false);
                    continue;
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new SSLException("the TLS connection is closed");
                }
                if (!source.hasRemaining() || result.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING) {
                    break;
                }
            }
            netOut.flip();
            while (netOut.hasRemaining()) {
                traffic.addSent(socket.write(netOut));
            }
            return result.getHandshakeStatus();
        } finally {
            writing.unlock();
        }
    }

    private HandshakeStatus runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        return engine.getHandshakeStatus();
    }

    /** After a failed handshake: the alert the engine has for the server, if it can go out at once. */
    private void sendAlert() {
        try {
            engine.closeOutbound();
            if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                wrapAndSend(NOTHING);
            }
        } catch (IOException | RuntimeException ignored) {
            // the handshake's failure is what counts
        }
    }

    private static ByteBuffer grow(ByteBuffer buffer, int atLeast, boolean readMode) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(atLeast, buffer.capacity() * 2));
        if (readMode) {
            bigger.put(buffer).flip();
        } else {
            buffer.flip();
            bigger.put(buffer);
        }
        return bigger;
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }

    // ---- streams for the HTTP/1.1 reader and writer ------------------------------------------------------------

    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return TlsSocket.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int offset, int length) throws IOException {
                return length == 0 ? 0 : TlsSocket.this.read(b, offset, length);
            }
        };
    }

    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                TlsSocket.this.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int offset, int length) throws IOException {
                TlsSocket.this.write(b, offset, length);
            }
        };
    }
}
