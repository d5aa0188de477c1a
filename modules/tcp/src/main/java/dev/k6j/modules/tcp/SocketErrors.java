package dev.k6j.modules.tcp;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * One readable line for what went wrong on a socket, in the words of Go's net package that xk6-tcp users see in
 * k6 ({@code dial tcp 127.0.0.1:9: connection refused}, {@code lookup nosuch.test: no such host}). Stateless.
 */
final class SocketErrors {

    private SocketErrors() {
    }

    /** The whole message an {@code error} event and a rejected promise carry. */
    static String message(String method, String detail) {
        return "TCP error during " + method + ": " + detail;
    }

    /** What {@code failure} means, for a connection to {@code address} (null when unknown). */
    static String describe(Throwable failure, InetSocketAddress address, String host) {
        Throwable cause = unwrap(failure);
        String target = address == null ? host : address.getAddress().getHostAddress() + ":" + address.getPort();
        String text = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        if (cause instanceof UnknownHostException) {
            return "lookup " + (cause.getMessage() == null ? host : cause.getMessage()) + ": no such host";
        }
        if (cause instanceof ConnectTimeoutException) {
            return "dial tcp " + target + ": i/o timeout";
        }
        if (cause instanceof ConnectException) {
            return "dial tcp " + target + ": " + (text.contains("refused") ? "connection refused" : text);
        }
        if (cause instanceof SSLException) {
            return "TLS handshake failed: " + rootMessage(cause);
        }
        if (cause instanceof ClosedChannelException) {
            return "use of closed network connection";
        }
        if (text.contains("reset")) {
            return "connection reset by peer";
        }
        if (text.contains("broken pipe")) {
            return "broken pipe";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
