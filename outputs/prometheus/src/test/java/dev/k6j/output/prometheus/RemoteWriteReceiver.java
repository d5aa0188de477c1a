package dev.k6j.output.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.k6j.output.prometheus.prompb.Remote;
import dev.k6j.output.prometheus.prompb.Types;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.xerial.snappy.Snappy;

/**
 * A remote-write endpoint for tests, on a free loopback port: it decodes every request (snappy, protobuf), keeps it
 * with its headers, and answers with the next of the queued statuses (204 when none is queued). Not a Prometheus:
 * the integration tests use a real one; this one lets tests see the wire and choose the answers.
 */
final class RemoteWriteReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(Map<String, String> headers, String path, byte[] body, Remote.WriteRequest request,
                    int answeredWith) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private volatile Consumer<HttpExchange> beforeAnswer = exchange -> { };

    private RemoteWriteReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/api/v1/write", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** A plain-HTTP receiver. */
    static RemoteWriteReceiver start() throws IOException {
        return new RemoteWriteReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** An HTTPS receiver with the given server context; {@code needClientAuth} asks for a client certificate. */
    static RemoteWriteReceiver startTls(SSLContext context, boolean needClientAuth) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                params.setNeedClientAuth(needClientAuth);
            }
        });
        return new RemoteWriteReceiver(server);
    }

    /** The endpoint URL, e.g. {@code http://127.0.0.1:41234/api/v1/write}. */
    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write";
    }

    /** Queues the statuses of the next answers, in order. */
    void answerWith(Integer... next) {
        statuses.addAll(List.of(next));
    }

    /** Runs before each answer, on the server's thread (a test may block there). */
    void beforeAnswer(Consumer<HttpExchange> action) {
        beforeAnswer = action;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Every series of every request answered with 2xx, in order. */
    List<Types.TimeSeries> acceptedSeries() {
        List<Types.TimeSeries> series = new ArrayList<>();
        for (Received one : received) {
            if (one.answeredWith() / 100 == 2) {
                series.addAll(one.request().getTimeseriesList());
            }
        }
        return series;
    }

    /** The last accepted float value of each series, keyed by {@link #id}. */
    Map<String, Double> lastValues() {
        Map<String, Types.Sample> last = new HashMap<>();
        for (Types.TimeSeries series : acceptedSeries()) {
            for (Types.Sample sample : series.getSamplesList()) {
                last.merge(id(series), sample, (a, b) -> b.getTimestamp() >= a.getTimestamp() ? b : a);
            }
        }
        return last.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getValue()));
    }

    /** A series' identity as PromQL would print it: {@code name{label="value",...}}. */
    static String id(Types.TimeSeries series) {
        String name = "";
        List<String> labels = new ArrayList<>();
        for (Types.Label label : series.getLabelsList()) {
            if (label.getName().equals("__name__")) {
                name = label.getValue();
            } else {
                labels.add(label.getName() + "=\"" + label.getValue() + "\"");
            }
        }
        return name + "{" + String.join(",", labels) + "}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] compressed = body.readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            beforeAnswer.accept(exchange);
            Integer queued = statuses.poll();
            int status = queued == null ? 204 : queued;
            Remote.WriteRequest request = Remote.WriteRequest.parseFrom(Snappy.uncompress(compressed));
            received.add(new Received(headers, exchange.getRequestURI().getRawPath(), compressed, request, status));
            if (status == 204) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                byte[] answer = ("status " + status).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
