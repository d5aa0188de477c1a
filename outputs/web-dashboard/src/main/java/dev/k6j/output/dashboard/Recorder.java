package dev.k6j.output.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every event as it happens, one JSON line each ({@code {"event":"snapshot","data":[...]}}), the format of
 * xk6-dashboard's recordings: {@code k6j web-dashboard replay|report} (and k6's tools) read it back. Events arrive
 * on one thread at a time.
 */
final class Recorder implements EventListener {

    private final Path file;
    private final OutputStream out;

    private Recorder(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    static Recorder create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new Recorder(file, EventsFile.output(file));
    }

    @Override
    public void onEvent(DashboardEvent event) {
        try {
            out.write(Json.envelope(event).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            if (event.name().equals(DashboardEvent.SNAPSHOT)) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dashboard recording " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
