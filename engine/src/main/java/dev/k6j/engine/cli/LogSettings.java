package dev.k6j.engine.cli;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.vu.ConsoleLog;
import dev.k6j.engine.vu.LogFormat;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * k6's logging flags turned into a {@link ConsoleLog}: {@code --log-output} ({@code stderr}, {@code stdout},
 * {@code none}, {@code file=PATH[,level=LEVEL]}), {@code --log-format} ({@code json}, {@code raw}, else k6's
 * text: the terminal form on a terminal, logfmt elsewhere), {@code --no-color}, {@code --verbose}, and
 * {@code --console-output FILE} for the script's {@code console.*} lines.
 *
 * @param output        the {@code --log-output} value, or null for stderr
 * @param format        the {@code --log-format} value, or null
 * @param noColor       {@code --no-color} (or {@code NO_COLOR} set)
 * @param verbose       debug lines too
 * @param consoleOutput the {@code --console-output} file, or null
 */
record LogSettings(String output, String format, boolean noColor, boolean verbose, String consoleOutput) {

    /** The log these settings describe; a bad {@code --log-output} is a configuration error (exit 104). */
    ConsoleLog console() {
        String where = output == null || output.isBlank() ? "stderr" : output.trim();
        PrintStream stream;
        String minimumLevel = null;
        boolean terminal = false;
        if (where.equals("stderr")) {
            stream = System.err;
            terminal = isTerminal();
        } else if (where.equals("stdout")) {
            stream = System.out;
            terminal = isTerminal();
        } else if (where.equals("none")) {
            stream = new PrintStream(OutputStream.nullOutputStream());
        } else if (where.startsWith("loki")) {
            throw K6jException.invalidConfig("--log-output=" + where + " is not supported by k6j: write the logs to a "
                    + "file (--log-output=file=k6.log) and have Promtail or Alloy ship it to Loki");
        } else if (where.equals("file") || where.startsWith("file=") || where.startsWith("file,")) {
            FileTarget target = FileTarget.parse(where);
            stream = open(target.path(), true);
            minimumLevel = target.level();
        } else {
            throw K6jException.badCommandLine("unsupported log output '" + where + "'");
        }
        LogFormat chosen = LogFormat.named(format);
        if (chosen == null) {
            chosen = terminal && !colorOff() ? LogFormat.TEXT : LogFormat.LOGFMT;
        }
        PrintStream console = consoleOutput == null || consoleOutput.isBlank() ? null : open(consoleOutput, false);
        return new ConsoleLog(stream, verbose, terminal && !colorOff(), chosen, minimumLevel, console);
    }

    /** The format errors are reported in: k6's "error: …" line on a terminal, else a log line. */
    LogFormat errorFormat() {
        LogFormat chosen = LogFormat.named(format);
        if (chosen != null) {
            return chosen;
        }
        return isTerminal() && !colorOff() ? LogFormat.TEXT : LogFormat.LOGFMT;
    }

    private boolean colorOff() {
        return noColor || System.getenv("NO_COLOR") != null;
    }

    static boolean isTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    private static PrintStream open(String file, boolean append) {
        Path path = Path.of(file).toAbsolutePath();
        if (path.getParent() != null && !Files.isDirectory(path.getParent())) {
            throw K6jException.badCommandLine("provided directory '" + path.getParent() + "' does not exist");
        }
        try {
            return new PrintStream(new FileOutputStream(path.toFile(), append), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw K6jException.invalidConfig("failed to open logfile " + path + ": " + e.getMessage());
        }
    }

    /** {@code file=PATH,level=LEVEL} as k6 reads it. */
    private record FileTarget(String path, String level) {
        static FileTarget parse(String line) {
            String path = null;
            String level = null;
            for (String token : line.split(",")) {
                int eq = token.indexOf('=');
                String key = eq < 0 ? token : token.substring(0, eq);
                String value = eq < 0 ? "" : token.substring(eq + 1);
                switch (key) {
                    case "file" -> path = value;
                    case "level" -> level = value.toLowerCase(Locale.ROOT);
                    default -> throw K6jException.invalidConfig("unknown logfile config key " + key);
                }
            }
            if (path == null || path.isEmpty()) {
                throw K6jException.invalidConfig("filepath must not be empty");
            }
            if (level != null && !java.util.List.of("debug", "info", "warning", "warn", "error", "fatal", "panic")
                    .contains(level)) {
                throw K6jException.invalidConfig("unknown log level " + level);
            }
            return new FileTarget(path, level);
        }
    }
}
