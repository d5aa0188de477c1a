package dev.k6j.engine.js;

import dev.k6j.engine.errors.K6jException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.graalvm.polyglot.Source;

/**
 * The test script: its parsed source, shared by every VU, and the folder its relative paths resolve in.
 *
 * @param source    the ES module source (parsed once per engine)
 * @param path      the script file, or {@code null} when read from standard input
 * @param directory where {@code open()} and relative imports resolve
 */
public record Script(Source source, Path path, Path directory) {

    private static final String MODULE_MIME = "application/javascript+module";

    /** Loads a script file; a missing or unreadable file is a clear error. */
    public static Script fromFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new K6jException(dev.k6j.engine.errors.ExitCode.SCRIPT_EXCEPTION,
                    "'" + file + "' is a directory; give the path of a script file, such as script.js");
        }
        try {
            Source source = Source.newBuilder("js", absolute.toFile()).mimeType(MODULE_MIME).build();
            return new Script(source, absolute, absolute.getParent());
        } catch (NoSuchFileException e) {
            throw new K6jException(dev.k6j.engine.errors.ExitCode.SCRIPT_EXCEPTION,
                    "script file '" + file + "' not found (looked in " + absolute.getParent() + ")");
        } catch (IOException e) {
            throw new K6jException(dev.k6j.engine.errors.ExitCode.SCRIPT_EXCEPTION,
                    "cannot read script file '" + file + "': " + e.getMessage());
        }
    }

    /** Reads a script from a stream (for {@code k6j run -}); relative paths resolve in {@code workingDirectory}. */
    public static Script fromStream(InputStream in, Path workingDirectory) {
        try {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Source source = Source.newBuilder("js", text, "stdin.js").mimeType(MODULE_MIME).build();
            return new Script(source, null, workingDirectory.toAbsolutePath());
        } catch (IOException e) {
            throw new K6jException(dev.k6j.engine.errors.ExitCode.SCRIPT_EXCEPTION,
                    "cannot read the script from standard input: " + e.getMessage());
        }
    }

    /** How the script is named in messages. */
    public String displayName() {
        return path == null ? "-" : path.toString();
    }
}
