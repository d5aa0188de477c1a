package dev.k6j.engine.modules.fs;

import dev.k6j.engine.modules.GlueModule;
import dev.k6j.spi.Vu;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/experimental/fs} module: {@code open(path)} in the init context, then {@code File.read/seek/stat}.
 * A file's bytes are read once per run and shared by all VUs; each File has its own position.
 */
public final class FsModule extends GlueModule {

    public FsModule() {
        super("k6/experimental/fs", "fs.js", Host::new);
    }

    /** Per-VU host of k6/experimental/fs. VU thread only. */
    public record Host(Vu vu) {

        @HostAccess.Export
        public boolean initStage() {
            return vu.state().inInitStage();
        }

        @HostAccess.Export
        public String resolve(String path) {
            return vu.resolvePath(path).toString();
        }

        /** {@code file}, {@code directory} or {@code missing}. */
        @HostAccess.Export
        public String kind(String absolutePath) {
            Path path = Path.of(absolutePath);
            return Files.isDirectory(path) ? "directory" : Files.isRegularFile(path) ? "file" : "missing";
        }

        /** Opens a regular file. */
        @HostAccess.Export
        public FsFile open(String absolutePath) {
            try {
                return new FsFile(absolutePath, vu.readFile(Path.of(absolutePath)));
            } catch (UncheckedIOException e) {
                throw vu.jsError("Error", "open() failed; reason: " + e.getCause().getMessage());
            }
        }

        /** The next bytes, at most {@code length} of them, as an ArrayBuffer; null at the end of the file. */
        @HostAccess.Export
        public Value read(FsFile file, int length) {
            byte[] chunk = new byte[length];
            int n = file.read(chunk);
            return n < 0 ? null : vu.toJs(n == length ? chunk : java.util.Arrays.copyOf(chunk, n));
        }

        /** Moves the position; returns null on success or the reason it cannot. */
        @HostAccess.Export
        public String seek(FsFile file, double offset, int whence) {
            return file.seek((long) offset, whence);
        }

        @HostAccess.Export
        public int position(FsFile file) {
            return file.position();
        }

        @HostAccess.Export
        public int size(FsFile file) {
            return file.size();
        }

        @HostAccess.Export
        public String name(FsFile file) {
            return Path.of(file.path()).getFileName().toString();
        }
    }
}
