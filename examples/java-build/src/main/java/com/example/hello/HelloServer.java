package com.example.hello;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application under test: a tiny HTTP service on 127.0.0.1. {@code GET /hello?name=x} answers
 * {@code {"greeting":"Hello, x!"}} after {@code delay}, except that every {@code failEvery}-th request (0: none)
 * answers 503, as a broken release would; {@code GET /health} answers at once.
 *
 * <p>The build starts it with {@link #main} before its integration tests; JUnit tests start it in-process with
 * {@link #start}.
 */
public final class HelloServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong served = new AtomicLong();
    private final Duration delay;
    private final int failEvery;

    private HelloServer(int port, Duration delay, int failEvery) throws IOException {
        this.delay = delay;
        this.failEvery = failEvery;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/hello", this::hello);
        server.createContext("/health", exchange -> respond(exchange, 200, "ok"));
        server.setExecutor(requests);
        server.start();
    }

    /** Starts the service on {@code port} (0: any free port). */
    public static HelloServer start(int port, Duration delay, int failEvery) throws IOException {
        return new HelloServer(port, delay, failEvery);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        requests.close();
    }

    /**
     * {@code java com.example.hello.HelloServer PORT [DELAY_MS [FAIL_EVERY [MAX_MINUTES]]]}: serves until the build
     * that started it ends (which destroys it), and at most MAX_MINUTES (default 10), so that it never outlives a
     * stuck build.
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Duration delay = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 0);
        int failEvery = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Duration lifetime = Duration.ofMinutes(args.length > 3 ? Long.parseLong(args[3]) : 10);
        HelloServer server = start(port, delay, failEvery);
        System.out.println("HelloServer: listening on " + server.url() + ", answering /hello after " + delay.toMillis()
                + " ms" + (failEvery > 0 ? ", every " + failEvery + "th with 503" : ""));
        Thread.sleep(lifetime);
        server.close();
    }

    private void hello(HttpExchange exchange) throws IOException {
        if (failEvery > 0 && served.incrementAndGet() % failEvery == 0) {
            respond(exchange, 503, "{\"error\":\"unavailable\"}");
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String query = exchange.getRequestURI().getRawQuery();
        String name = "world";
        if (query != null && query.startsWith("name=")) {
            name = URLDecoder.decode(query.substring("name=".length()), StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        respond(exchange, 200, "{\"greeting\":\"Hello, " + name.replace("\"", "") + "!\"}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
