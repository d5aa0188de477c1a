package dev.k6j.output.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol from Java (the JDK's WebSocket client): one
 * page, its console errors and uncaught exceptions collected, JavaScript evaluated, full-page screenshots. The
 * flags are those known to work on these machines (no sandbox as root, no background networking on a closed
 * network, a fresh profile).
 */
final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXECUTABLE = Path.of(System.getProperty("k6j.chromium", "/usr/bin/chromium"));

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final String session;

    private Chromium(Process process, Path profile, WebSocket socket, Listener listener) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        listener.owner = this;
        String target = send(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        this.session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
        send("Page.enable", Map.of());
    }

    static Chromium start() throws Exception {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: the browser tests need Debian's chromium"
                    + " (apt-get install chromium; .ci/run installs it)");
        }
        Path profile = Files.createTempDirectory("k6j-chromium");
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).start();
        String endpoint = devToolsEndpoint(process);
        Listener listener = new Listener();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(endpoint), listener).get(30, TimeUnit.SECONDS);
        return new Chromium(process, profile, socket, listener);
    }

    /** Reads Chromium's output until it names its DevTools WebSocket, then drains the rest on a daemon thread. */
    private static String devToolsEndpoint(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            int at = line.indexOf("ws://");
            if (line.contains("DevTools listening on") && at >= 0) {
                Thread.ofVirtual().start(() -> reader.lines().forEach(l -> { }));
                return line.substring(at).strip();
            }
            seen.add(line);
        }
        throw new IllegalStateException("chromium ended without a DevTools endpoint:\n" + String.join("\n", seen));
    }

    /** Opens a URL and waits until the page says it is ready ({@code document.body.dataset.ready}). */
    void open(String url) throws Exception {
        send("Page.navigate", Map.of("url", url));
        waitFor(Duration.ofSeconds(30), "the page at " + url + " to be ready",
                () -> "true".equals(evaluateString("document.body && document.body.dataset.ready || ''")));
    }

    /** The value of a JavaScript expression (awaited when it is a promise), as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("'" + expression + "' threw: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    String evaluateString(String expression) throws Exception {
        return evaluate(expression).asText();
    }

    /** Waits until {@code condition} holds, checking every 200 ms. */
    void waitFor(Duration limit, String what, Check condition) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what
                        + "; console errors: " + errors);
            }
            Thread.sleep(200);
        }
    }

    /** A full-page PNG screenshot of the current page, {@code width} pixels wide. */
    void screenshot(Path file, int width) throws Exception {
        screenshot(file, width, 8000);
    }

    /** A PNG screenshot of the top of the current page, at most {@code maxHeight} pixels high. */
    void screenshot(Path file, int width, int maxHeight) throws Exception {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900, "deviceScaleFactor", 1,
                "mobile", false));
        Thread.sleep(400);
        int height = evaluate("document.documentElement.scrollHeight").asInt(900);
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", Math.min(height, maxHeight),
                "deviceScaleFactor", 1, "mobile", false));
        Thread.sleep(400);
        String png = send("Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    /** Console errors, failed loads and uncaught exceptions of the page so far. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    private JsonNode send(String method, Map<String, Object> params) throws Exception {
        return send(session, method, params);
    }

    private JsonNode send(String sessionId, String method, Map<String, Object> params) throws Exception {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (socket) {
            socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        }
        JsonNode answer = reply.get(60, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.path("error"));
        }
        return answer.path("result");
    }

    private void onMessage(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.path("id").asLong());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Runtime.consoleAPICalled" -> {
                if (params.path("type").asText().equals("error")) {
                    errors.add("console.error: " + params.path("args"));
                }
            }
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                if (params.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + params.path("entry").path("text").asText() + " "
                            + params.path("entry").path("url").asText());
                }
            }
            default -> { }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            send(null, "Browser.close", Map.of());
        } catch (Exception e) {
            // it is going away anyway
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A condition that may throw (it usually evaluates JavaScript). */
    interface Check {
        boolean holds() throws Exception;
    }

    /** Reassembles messages (they may come in parts) and hands them to the owner. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile Chromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    Chromium chromium = owner; // set before the first command is sent
                    if (chromium != null) {
                        chromium.onMessage(message);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("chromium sent something that is not JSON: " + text, e);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
