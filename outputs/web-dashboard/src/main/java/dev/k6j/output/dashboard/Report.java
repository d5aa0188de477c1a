package dev.k6j.output.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The self-contained HTML report: the dashboard's page with the run's events inlined (one JSON line per event,
 * gzip-compressed, base64-encoded, in a {@code <script>} element the page reads), so it opens from disk with no
 * server and no network. Stateless; any thread.
 *
 * <pre>{@code
 * Report.write(Path.of("report.html"), history.events());      // ".gz" at the end: the file is gzip-compressed
 * }</pre>
 */
final class Report {

    /** Where the page expects the data: the content of this element, which the build leaves empty. */
    static final String DATA_ELEMENT = "<script id=\"k6j-data\" type=\"application/octet-stream\">";

    /** The report of these events as an HTML document. */
    byte[] html(List<DashboardEvent> events) {
        byte[] page = Assets.page();
        byte[] marker = DATA_ELEMENT.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(page, marker);
        if (at < 0) {
            throw new IllegalStateException("the dashboard page has no data element; was it built from src/main/frontend?");
        }
        int insert = at + marker.length;
        byte[] data = encode(events);
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.length + data.length);
        out.write(page, 0, insert);
        out.write(data, 0, data.length);
        out.write(page, insert, page.length - insert);
        return out.toByteArray();
    }

    /** Writes the report to {@code file} (gzip-compressed when its name ends with {@code .gz}). */
    void write(Path file, List<DashboardEvent> events) throws IOException {
        byte[] html = html(events);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = EventsFile.output(file)) {
            out.write(html);
        }
    }

    /** base64(gzip(one JSON envelope per line)). */
    static byte[] encode(List<DashboardEvent> events) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            for (DashboardEvent event : events) {
                gzip.write(Json.envelope(event).getBytes(StandardCharsets.UTF_8));
                gzip.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encode(zipped.toByteArray());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
