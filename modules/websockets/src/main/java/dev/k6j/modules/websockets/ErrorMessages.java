package dev.k6j.modules.websockets;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/** Error texts for scripts, worded like the Go errors k6 reports, without Java class names. */
final class ErrorMessages {

    private static final Map<Integer, String> CLOSE_CODES = Map.ofEntries(
            Map.entry(1000, "normal"), Map.entry(1001, "going away"), Map.entry(1002, "protocol error"),
            Map.entry(1003, "unsupported data"), Map.entry(1005, "no status"), Map.entry(1006, "abnormal closure"),
            Map.entry(1007, "invalid payload data"), Map.entry(1008, "policy violation"),
            Map.entry(1009, "message too big"), Map.entry(1010, "mandatory extension missing"),
            Map.entry(1011, "internal server error"), Map.entry(1012, "service restart"),
            Map.entry(1013, "try again later"), Map.entry(1015, "TLS handshake error"));

    private ErrorMessages() {
    }

    /** One line for why a connection failed: {@code connect: connection refused}, {@code tls: ...}. */
    static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof SSLException)) {
            root = root.getCause();
        }
        return switch (root) {
            case ConnectTimeoutException t -> "i/o timeout";
            case ConnectException c -> "connect: " + withoutAddress(c.getMessage());
            case NoRouteToHostException n -> "connect: no route to host";
            case UnknownHostException u -> "lookup " + u.getMessage() + ": no such host";
            case SSLException s -> "tls: " + s.getMessage();
            default -> root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        };
    }

    /** Go's words after a close code: {@code " (normal)"}, or nothing for codes it has no name for. */
    static String closeCodeText(int code) {
        String name = CLOSE_CODES.get(code);
        return name == null ? "" : " (" + name + ")";
    }

    /** Netty says {@code Connection refused: /127.0.0.1:1}; Go says {@code connection refused}. */
    private static String withoutAddress(String message) {
        if (message == null) {
            return "connection failed";
        }
        int colon = message.indexOf(':');
        return (colon < 0 ? message : message.substring(0, colon)).toLowerCase(Locale.ROOT);
    }
}
