package dev.k6j.output.dashboard;

import java.util.Set;

/**
 * The metrics k6 and k6j's own modules define; every other metric is an extension's or the script's
 * ({@code custom} in the {@code metric} event), and the page shows it in its own section. The names are
 * xk6-dashboard's list plus k6j's TCP module. Stateless.
 */
final class BuiltinMetrics {

    private static final Set<String> NAMES = Set.of(
            "time", "vus", "vus_max", "iterations", "iteration_duration", "dropped_iterations",
            "checks", "group_duration",
            "http_reqs", "http_req_failed", "http_req_duration", "http_req_blocked", "http_req_connecting",
            "http_req_tls_handshaking", "http_req_sending", "http_req_waiting", "http_req_receiving",
            "ws_sessions", "ws_msgs_sent", "ws_msgs_received", "ws_ping", "ws_session_duration", "ws_connecting",
            "grpc_req_duration", "grpc_streams", "grpc_streams_msgs_received", "grpc_streams_msgs_sent",
            "data_sent", "data_received",
            "browser_web_vital_fid", "browser_web_vital_ttfb", "browser_web_vital_lcp", "browser_web_vital_cls",
            "browser_web_vital_inp", "browser_web_vital_fcp", "browser_data_sent", "browser_data_received",
            "browser_http_req_duration", "browser_http_req_failed",
            "tcp_socket_resolving", "tcp_socket_connecting", "tcp_socket_duration", "tcp_sockets", "tcp_reads",
            "tcp_writes", "tcp_errors", "tcp_timeouts", "tcp_partial_writes");

    private BuiltinMetrics() {
    }

    static boolean isBuiltin(String name) {
        return NAMES.contains(name);
    }
}
