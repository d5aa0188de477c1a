package dev.k6j.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * A {@link PrintStream} that hands each line to the Maven log, so the engine's summary and logs appear in the build
 * output with Maven's prefixes. Lines are whole: the stream is synchronized, as PrintStream is.
 */
final class LogStream extends OutputStream {

    private final Consumer<String> lines;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LogStream(Consumer<String> lines) {
        this.lines = lines;
    }

    /** Every line at INFO: the text summary and the banner. */
    static PrintStream info(Log log) {
        return new PrintStream(new LogStream(log::info), true, StandardCharsets.UTF_8);
    }

    /** The engine's log lines ({@code WARN[0001] …}, {@code ERRO[0002] …}) at their own level. */
    static PrintStream engineLog(Log log) {
        return new PrintStream(new LogStream(text -> {
            if (text.startsWith("ERRO") || text.startsWith("error:")) {
                log.error(text);
            } else if (text.startsWith("WARN")) {
                log.warn(text);
            } else if (text.startsWith("DEBU")) {
                log.debug(text);
            } else {
                log.info(text);
            }
        }), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() {
        // Lines go out whole, at their newline; a partial line waits for the rest.
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
