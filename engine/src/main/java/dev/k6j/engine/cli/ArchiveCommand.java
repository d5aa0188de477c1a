package dev.k6j.engine.cli;

import dev.k6j.engine.archive.Archive;
import dev.k6j.engine.archive.ArchiveWriter;
import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.loader.RemotePaths;
import dev.k6j.engine.loader.ScriptSources;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code k6j archive}: a self-contained test in k6's archive format — the script, every module and file its init
 * code read (remote modules included), the consolidated options (flags and {@code -e} variables folded in). k6
 * runs it as it runs its own archives, and so does {@code k6j run}.
 */
@Command(name = "archive", description = "Create an archive: a self-contained test that runs the same elsewhere "
        + "(with k6j or k6).", mixinStandardHelpOptions = true, sortOptions = false)
public final class ArchiveCommand implements Callable<Integer> {

    @Mixin
    ScriptArguments arguments;

    @Mixin
    GlobalOptions global;

    @Mixin
    ExtensionOptions extensionOptions;

    @Option(names = {"-O", "--archive-out"}, paramLabel = "FILE", defaultValue = "archive.tar",
            description = "The archive's file name (default archive.tar); - writes it to standard output.")
    String archiveOut;

    @Option(names = "--exclude-env-vars",
            description = "Keep no environment variables (neither -e ones nor the system's) in the archive.")
    boolean excludeEnvVars;

    @Override
    public Integer call() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        ScriptArguments.InspectedTest test = arguments.inspect(workingDirectory, global.console(), extensionOptions);
        Archive archive = archiveOf(test.script(), test.inspection().consolidated(),
                excludeEnvVars ? null : test.environment(), workingDirectory);
        if (archiveOut.equals("-")) {
            ArchiveWriter.write(archive, System.out);
            System.out.flush();
            return 0;
        }
        Path out = workingDirectory.resolve(archiveOut);
        try (OutputStream file = Files.newOutputStream(out)) {
            ArchiveWriter.write(archive, file);
        } catch (IOException e) {
            throw new K6jException(ExitCode.INVALID_CONFIG, "cannot write the archive to " + out + ": "
                    + e.getMessage(), e);
        }
        return 0;
    }

    private Archive archiveOf(Script script, Map<String, Object> options, Map<String, String> environment,
                              Path workingDirectory) throws IOException {
        ScriptSources sources = script.sources();
        Map<Path, byte[]> files = new LinkedHashMap<>(sources.localFiles());
        URI filename;
        byte[] data;
        if (script.path() == null) {
            // k6 keeps a script read from standard input as the file "/-"
            filename = URI.create("file:///-");
            data = sources.modules().stream().filter(module -> module.location().equals("-")).findFirst()
                    .map(module -> module.text().getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
            files.put(Path.of("/-"), data);
        } else if (RemotePaths.isRemote(script.path())) {
            filename = RemotePaths.toUrl(script.path());
            data = sources.remote(filename);
        } else {
            filename = script.path().toUri();
            data = sources.file(script.path());
        }
        return new Archive("js", options, filename, pwd(script, filename, workingDirectory), environment,
                script.compatibilityMode(), Archive.K6_FORMAT_VERSION, goos(), data, files, sources.remoteModules());
    }

    /** As k6: the folder of a remote script's URL, else the working directory (an archive keeps its own). */
    private static URI pwd(Script script, URI filename, Path workingDirectory) {
        if (filename.getScheme().equals("https")) {
            return filename.resolve(".");
        }
        Path pwd = script.archivedOptions() != null ? script.directory() : workingDirectory;
        String path = pwd.toUri().getRawPath();
        return URI.create("file://" + path + (path.endsWith("/") ? "" : "/"));
    }

    /** The operating system in Go's words, as k6 records it. */
    private static String goos() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "darwin";
        }
        return os.contains("win") ? "windows" : os.contains("linux") ? "linux" : os;
    }
}
