package dev.k6j.engine.archive;

import dev.k6j.engine.js.Script;
import dev.k6j.engine.loader.ScriptSources;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A k6 archive: what {@code metadata.json} says, the script ({@code data}), and every local file and remote module
 * the test read.
 *
 * @param type              the runner, {@code js}
 * @param options           the consolidated options (k6's {@code lib.Options}; k6j leaves out what is unset)
 * @param filename          the script's URL ({@code file:///…} or {@code https://…}), home folders anonymized
 * @param pwd               the folder the test was archived from, as a {@code file:///…/} URL (for a remote
 *                          script, its URL's folder, as k6 records it)
 * @param env               {@code __ENV} as archived ({@code -e} values, and the system's with
 *                          {@code --include-system-env-vars})
 * @param compatibilityMode {@code extended} or {@code base}
 * @param k6Version         the k6 version whose archive format this is
 * @param goos              the operating system it was made on, in Go's words ({@code linux})
 * @param data              the script's text as written (TypeScript stays TypeScript)
 * @param files             local files by absolute path, the script among them
 * @param remoteModules     remote modules by URL
 */
public record Archive(String type, Map<String, Object> options, URI filename, URI pwd, Map<String, String> env,
                      String compatibilityMode, String k6Version, String goos, byte[] data, Map<Path, byte[]> files,
                      Map<URI, byte[]> remoteModules) {

    /** The k6 release whose archive format k6j writes (and whose version it records in {@code k6version}). */
    public static final String K6_FORMAT_VERSION = "1.3.0";

    /**
     * The archive's script, ready to run: its modules and files served from the archive alone, its options standing
     * in for those the script exports.
     */
    public Script script() {
        ScriptSources sources = ScriptSources.archived(files, remoteModules);
        Script script = "https".equals(filename.getScheme())
                ? Script.fromUrl(filename, Path.of(pwd.getPath()), sources)
                : Script.fromFile(Path.of(filename.getPath()), sources);
        return script.withArchivedOptions(options);
    }

    /** Whether the file starts with a tar header: how k6 tells an archive from a script. */
    public static boolean looksLikeArchive(byte[] head) {
        return Tar.looksLikeTar(head);
    }
}
