package dev.k6j.engine.js;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.loader.RemoteModuleException;
import dev.k6j.engine.loader.RemoteModules;
import dev.k6j.engine.loader.RemotePaths;
import dev.k6j.engine.loader.ScriptSources;
import dev.k6j.engine.loader.TypeScriptException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.graalvm.polyglot.Source;

/**
 * The test script: its parsed source, shared by every VU, the folder its relative paths resolve in, and the run's
 * {@link ScriptSources} (every module and file it reads, once).
 *
 * @param source    the ES module source (parsed once per engine); JavaScript, also when the file is TypeScript
 * @param path      the script file (a {@link RemotePaths remote path} for an {@code https://} script), or
 *                  {@code null} when read from standard input
 * @param directory where {@code open()} and relative imports resolve
 * @param sources   where the script's modules and files are read
 * @param archivedOptions the options of the archive the script came from, which stand in for the script's own
 *                  {@code options} as in k6; {@code null} for a script
 * @param compatibilityMode k6's {@code --compatibility-mode}: {@code extended} (the default: {@code global} is
 *                  {@code globalThis}) or {@code base}
 */
public record Script(Source source, Path path, Path directory, ScriptSources sources,
                     Map<String, Object> archivedOptions, String compatibilityMode) {

    /** k6's default compatibility mode. */
    public static final String EXTENDED = "extended";

    private static final String MODULE_MIME = "application/javascript+module";

    /** A script whose modules are read from the disk, with no remote modules (for tests and tools). */
    public Script(Source source, Path path, Path directory) {
        this(source, path, directory, ScriptSources.local(null), null, EXTENDED);
    }

    /** A script (not an archive) reading its modules through {@code sources}. */
    public Script(Source source, Path path, Path directory, ScriptSources sources) {
        this(source, path, directory, sources, null, EXTENDED);
    }

    /** This script as the one of an archive with these options. */
    public Script withArchivedOptions(Map<String, Object> options) {
        return new Script(source, path, directory, sources, options, compatibilityMode);
    }

    /** This script run in another compatibility mode. */
    public Script withCompatibilityMode(String mode) {
        return new Script(source, path, directory, sources, archivedOptions, mode);
    }

    /**
     * Loads a script file, its remote modules fetched with the process's environment (trust store variables, cache);
     * a missing or unreadable file is a clear error.
     */
    public static Script fromFile(Path file) {
        return fromFile(file, ScriptSources.local(new RemoteModules(System.getenv(),
                warning -> System.getLogger("k6j.remote-modules").log(System.Logger.Level.WARNING, warning))));
    }

    /** Loads a script file through {@code sources}; a missing or unreadable file is a clear error. */
    public static Script fromFile(Path file, ScriptSources sources) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!sources.archived() && Files.isDirectory(absolute)) {
            throw new K6jException(ExitCode.SCRIPT_EXCEPTION,
                    "'" + file + "' is a directory; give the path of a script file, such as script.js");
        }
        try {
            return new Script(source(absolute, sources), absolute, absolute.getParent(), sources);
        } catch (NoSuchFileException e) {
            throw new K6jException(ExitCode.SCRIPT_EXCEPTION,
                    "script file '" + file + "' not found (looked in " + absolute.getParent() + ")");
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /** Loads a script from an {@code https://} URL, as {@code k6 run https://…} does. */
    public static Script fromUrl(URI url, Path workingDirectory, ScriptSources sources) {
        Path path = RemotePaths.toPath(url);
        try {
            return new Script(source(path, sources), path, workingDirectory.toAbsolutePath(), sources);
        } catch (IOException e) {
            throw unreadable(url.toString(), e);
        }
    }

    /** Reads a script from a stream (for {@code k6j run -}); relative paths resolve in {@code workingDirectory}. */
    public static Script fromStream(InputStream in, Path workingDirectory) {
        return fromStream(in, workingDirectory, ScriptSources.local(null));
    }

    /** Reads a script from a stream, relative paths resolving in {@code workingDirectory}, modules via sources. */
    public static Script fromStream(InputStream in, Path workingDirectory, ScriptSources sources) {
        try {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            sources.recordScript("-", text);
            Source source = Source.newBuilder("js", text, "stdin.js").mimeType(MODULE_MIME).build();
            return new Script(source, null, workingDirectory.toAbsolutePath(), sources);
        } catch (IOException e) {
            throw new K6jException(ExitCode.SCRIPT_EXCEPTION,
                    "cannot read the script from standard input: " + e.getMessage());
        }
    }

    /**
     * The source GraalJS parses for the script at {@code path}: read through {@code sources} (so it is recorded and
     * TypeScript becomes JavaScript), keeping the path so relative imports resolve beside it.
     */
    private static Source source(Path path, ScriptSources sources) throws IOException {
        String javascript = new String(sources.module(path), StandardCharsets.UTF_8);
        return Source.newBuilder("js", path.toFile()).content(javascript).mimeType(MODULE_MIME).build();
    }

    private static K6jException unreadable(String what, IOException e) {
        if (e instanceof RemoteModuleException || e instanceof TypeScriptException) {
            return new K6jException(ExitCode.SCRIPT_EXCEPTION, e.getMessage());
        }
        return new K6jException(ExitCode.SCRIPT_EXCEPTION, "cannot read script file '" + what + "': " + e.getMessage());
    }

    /** How the script is named in messages. */
    public String displayName() {
        return path == null ? "-" : RemotePaths.display(path.toString());
    }
}
