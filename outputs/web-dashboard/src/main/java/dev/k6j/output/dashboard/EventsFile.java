package dev.k6j.output.dashboard;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Files the dashboard reads and writes, gzip-compressed when their name ends with {@code .gz}, as in k6. */
final class EventsFile {

    private EventsFile() {
    }

    static OutputStream output(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(out, 64 * 1024) : out;
    }

    static InputStream input(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
    }
}
