package dev.k6j.output.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a file of dashboard events, one {@code {"event":…,"data":…}} per line: k6j's recordings and
 * xk6-dashboard's alike ({@code .gz} decompressed). Its {@code config} events (xk6-dashboard's page layout) are
 * skipped. Stateless.
 */
final class EventsReader {

    private EventsReader() {
    }

    /** Whether the file's first line is a dashboard event (else it may be a {@code --out json} file). */
    static boolean isEventsFile(Path file) throws IOException {
        try (BufferedReader reader = reader(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode first = parse(line, file, 1);
                    return first.has("event");
                }
            }
        }
        return true;
    }

    static void read(Path file, Consumer<DashboardEvent> events) throws IOException {
        try (BufferedReader reader = reader(file)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode envelope = parse(line, file, number);
                String name = envelope.path("event").asText("");
                if (name.isEmpty()) {
                    throw new IllegalArgumentException(file + " line " + number + " is not a dashboard event"
                            + " (no \"event\")");
                }
                if (!name.equals(DashboardEvent.CONFIG)) {
                    events.accept(new DashboardEvent(name, Json.MAPPER.convertValue(envelope.get("data"),
                            Object.class)));
                }
            }
        }
    }

    static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(EventsFile.input(file), StandardCharsets.UTF_8), 64 * 1024);
    }

    static JsonNode parse(String line, Path file, int number) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " line " + number + " is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
