package dev.k6j.engine.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Opens the file a file output writes to, as k6 does: {@code -} or an empty name is standard output, a name
 * ending in {@code .gz} is gzip-compressed, anything else is created (or truncated) as plain text. Stateless;
 * any thread, but each {@link Writer} it returns belongs to one output.
 */
public final class ResultFiles {

    private static final int BUFFER_SIZE = 64 * 1024;

    private ResultFiles() {
    }

    /** Whether the name means standard output. */
    public static boolean isStdout(String fileName) {
        return fileName == null || fileName.isEmpty() || fileName.equals("-");
    }

    /**
     * Opens a UTF-8 writer. Closing it closes the file (finishing the gzip stream) but only flushes standard output.
     *
     * @throws IllegalArgumentException with a message naming the file and why it could not be opened
     */
    public static Writer open(String fileName, Path workingDirectory, PrintStream stdout) {
        if (isStdout(fileName)) {
            return new BufferedWriter(new OutputStreamWriter(new NonClosingStream(stdout), StandardCharsets.UTF_8),
                    BUFFER_SIZE);
        }
        Path path = workingDirectory.resolve(fileName);
        OutputStream file;
        try {
            file = Files.newOutputStream(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write results to '" + fileName + "': " + reason(e, path), e);
        }
        try {
            OutputStream stream = fileName.endsWith(".gz") ? new GZIPOutputStream(file, BUFFER_SIZE) : file;
            return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER_SIZE);
        } catch (IOException e) {
            closeQuietly(file);
            throw new IllegalArgumentException("cannot write results to '" + fileName + "': " + reason(e, path), e);
        }
    }

    private static String reason(IOException e, Path path) {
        if (e instanceof NoSuchFileException) {
            return "the folder " + (path.getParent() == null ? "" : path.getParent() + " ") + "does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (Files.isDirectory(path)) {
            return "it is a folder";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one to report
        }
    }

    /** Standard output, which an output flushes but never closes. */
    private static final class NonClosingStream extends OutputStream {
        private final PrintStream out;

        NonClosingStream(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
