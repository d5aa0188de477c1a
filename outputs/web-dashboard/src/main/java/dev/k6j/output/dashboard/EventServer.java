package dev.k6j.output.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's web server, on the JDK's HTTP server: the page at {@code /} (and {@code /ui/}, xk6-dashboard's
 * path), the event stream at {@code /events} as server-sent events, and the HTML report of the run so far at
 * {@code /report}. A page that connects gets the compact history first, then every new event; after the run it
 * still gets the final state, for as long as the process lives. Requests run on virtual threads; events arrive on
 * one thread at a time.
 */
final class EventServer implements EventListener {

    private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.UTF_8);
    /** xk6-dashboard's retry after {@code stop}: the largest safe JavaScript integer, so a page never reconnects. */
    private static final String NEVER = "9007199254740991";

    private final HttpServer server;
    private final EventHistory history = new EventHistory();
    private final List<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
    private final Report report;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private long nextId;

    private EventServer(HttpServer server, Report report) {
        this.server = server;
        this.report = report;
        server.setExecutor(requests);
        server.createContext("/events", this::events);
        server.createContext("/report", this::report);
        server.createContext("/", this::page);
    }

    /**
     * Binds the address now (so the banner can show the port) and serves once {@link #start()} is called. An
     * empty host is every interface, IPv4 and IPv6, as k6 listens.
     */
    static EventServer bind(String host, int port, Report report) throws IOException {
        InetSocketAddress address = host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        return new EventServer(HttpServer.create(address, 64), report);
    }

    /** The port bound (the chosen one when 0 was asked for). */
    int port() {
        return server.getAddress().getPort();
    }

    void start() {
        server.start();
    }

    /** Stops serving at once, closing open streams (for the offline commands and tests). */
    void shutdown() {
        server.stop(0);
        requests.shutdownNow();
    }

    @Override
    public void onEvent(DashboardEvent event) {
        String frame;
        synchronized (this) {
            history.onEvent(event);
            frame = frame(event, ++nextId);
        }
        for (BlockingQueue<String> client : clients) {
            client.offer(frame);
        }
    }

    private static String frame(DashboardEvent event, long id) {
        StringBuilder text = new StringBuilder();
        text.append("id: ").append(id).append('\n');
        text.append("event: ").append(event.name()).append('\n');
        if (event.name().equals(DashboardEvent.STOP)) {
            text.append("retry: ").append(NEVER).append('\n');
        }
        text.append("data: ").append(Json.write(event.data())).append("\n\n");
        return text.toString();
    }

    private void events(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        synchronized (this) {
            long id = 0;
            for (DashboardEvent event : history.events()) {
                queue.offer(frame(event, ++id));
            }
            clients.add(queue);
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            while (true) {
                String frame = queue.poll(15, TimeUnit.SECONDS);
                body.write(frame == null ? KEEP_ALIVE : frame.getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the page went away, or the server stops
        } finally {
            clients.remove(queue);
            exchange.close();
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/") && !path.equals("/ui") && !path.equals("/ui/")) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", Assets.page());
    }

    private void report(HttpExchange exchange) throws IOException {
        byte[] html = report.html(history.events());
        exchange.getResponseHeaders().set("Content-Disposition", "inline; filename=\"k6j-report.html\"");
        send(exchange, 200, "text/html; charset=utf-8", html);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
