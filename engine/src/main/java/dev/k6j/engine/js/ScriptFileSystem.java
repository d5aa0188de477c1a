package dev.k6j.engine.js;

import dev.k6j.engine.loader.RemotePaths;
import dev.k6j.engine.loader.ScriptSources;
import dev.k6j.engine.loader.TypeScript;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The file system a VU's JavaScript sees: the real files, read-only, plus generated modules for
 * built-in and extension module names ({@code k6}, {@code k6/http}, {@code k6/x/tcp}) under a virtual folder.
 * Modules are read through the run's {@link ScriptSources}: {@code https://} imports are served at
 * {@link RemotePaths}, TypeScript arrives as JavaScript, and a run of an archive sees the archive's files only.
 *
 * <p>GraalJS resolves a bare specifier such as {@code k6/http} against the working directory, so
 * {@link #toAbsolutePath} maps those names into the virtual folder before anything is read.
 * One instance per VU context; used on that VU's thread.
 *
 * <p>Anything read through it, a module of any kind or a file, is read only in the VU's init stage
 * ({@link InitStage}): after it, every access fails with k6's message, so {@code import()} in an iteration rejects.
 */
public final class ScriptFileSystem implements FileSystem {

    static final String VIRTUAL_ROOT = "/__k6j_modules__/";

    /** The reason of the NoSuchFileException for an import of a module nobody provides. */
    public static final String UNKNOWN_MODULE = "no such module";

    private final FileSystem real = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    private final Path workingDirectory;
    private final ScriptSources sources;
    private final Function<String, byte[]> moduleSource;
    private final InitStage initStage;

    /**
     * @param workingDirectory where relative paths resolve
     * @param sources          the run's sources, through which modules are read
     * @param moduleSource     gives the JavaScript source of a module by name (UTF-8), or {@code null} if unknown
     * @param initStage        whether the VU may load modules now
     */
    ScriptFileSystem(Path workingDirectory, ScriptSources sources, Function<String, byte[]> moduleSource,
                     InitStage initStage) {
        this.workingDirectory = workingDirectory;
        this.sources = sources;
        this.moduleSource = moduleSource;
        this.initStage = initStage;
    }

    /** Refuses every read after the VU's init stage, as k6 loads modules only while initializing. */
    private void requireInitStage(Path path) throws AccessDeniedException {
        initStage.requireOpen(path.toString(), "import");
    }

    /** Whether a specifier names a module that k6j provides rather than a file. */
    static boolean isModuleName(String specifier) {
        return specifier.equals("k6") || specifier.startsWith("k6/");
    }

    /** The module name of a virtual path, or {@code null} for a real file. */
    static String moduleNameOf(Path path) {
        String text = path.toString();
        if (!text.startsWith(VIRTUAL_ROOT) || !text.endsWith(".mjs")) {
            return null;
        }
        return text.substring(VIRTUAL_ROOT.length(), text.length() - ".mjs".length());
    }

    private Path resolve(Path path) {
        if (!path.isAbsolute()) {
            String text = path.toString().replace('\\', '/');
            if (isModuleName(text)) {
                return Paths.get(VIRTUAL_ROOT + text + ".mjs");
            }
            return workingDirectory.resolve(path).normalize();
        }
        if (RemotePaths.isRemote(path)) {
            // "../" in a remote module's import resolves within its URL
            return RemotePaths.toPath(RemotePaths.toUrl(path).normalize());
        }
        return path;
    }

    /**
     * The bytes GraalJS gets for a module that is not k6j's own: a remote module, any file of an archive, and
     * TypeScript (served as JavaScript); {@code null} for a local JavaScript file, which is read as it is.
     */
    private byte[] sourcedContent(Path resolved) throws IOException {
        if (RemotePaths.isRemote(resolved) || sources.archived() || TypeScript.isTypeScript(resolved.toString())) {
            if (!RemotePaths.isRemote(resolved) && sources.isDirectory(resolved)) {
                return null;
            }
            return sources.module(resolved);
        }
        return null;
    }

    private byte[] virtualContent(Path path) throws NoSuchFileException {
        String name = moduleNameOf(path);
        if (name == null) {
            return null;
        }
        byte[] source = moduleSource.apply(name);
        if (source == null) {
            throw new NoSuchFileException(name, null, UNKNOWN_MODULE);
        }
        return source;
    }

    @Override
    public Path parsePath(URI uri) {
        String scheme = uri.getScheme();
        if ("https".equalsIgnoreCase(scheme)) {
            return RemotePaths.toPath(uri);
        }
        if (scheme != null && !"file".equalsIgnoreCase(scheme)) {
            // k6's words (loader.Resolve): only file and https modules
            throw new IllegalArgumentException("only supported schemes for imports are file and https, " + uri
                    + " has `" + scheme + "`");
        }
        return Paths.get(uri);
    }

    @Override
    public Path parsePath(String path) {
        return Paths.get(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        Path resolved = resolve(path);
        requireInitStage(path);
        if (modes.contains(AccessMode.WRITE)) {
            throw new AccessDeniedException(path.toString(), null, "scripts cannot write files");
        }
        if (moduleNameOf(resolved) != null) {
            virtualContent(resolved);
            return;
        }
        if (sourcedContent(resolved) == null && sources.archived() && !sources.isDirectory(resolved)) {
            throw new NoSuchFileException(resolved.toString(), null, "not in the archive");
        }
        if (!sources.archived() && !RemotePaths.isRemote(resolved)) {
            real.checkAccess(resolved, modes, options);
        }
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new AccessDeniedException(dir.toString(), null, "scripts cannot write files");
    }

    @Override
    public void delete(Path path) throws IOException {
        throw new AccessDeniedException(path.toString(), null, "scripts cannot delete files");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path resolved = resolve(path);
        requireInitStage(path);
        byte[] content = virtualContent(resolved);
        if (content == null) {
            content = sourcedContent(resolved);
        }
        if (content != null) {
            return new ByteArrayChannel(content);
        }
        if (sources.archived()) {
            throw new NoSuchFileException(resolved.toString(), null, "not in the archive");
        }
        // a local JavaScript module: read and recorded once per run
        return new ByteArrayChannel(sources.module(resolved));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        requireInitStage(dir);
        return real.newDirectoryStream(resolve(dir), filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return resolve(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        Path resolved = resolve(path);
        requireInitStage(path);
        if (moduleNameOf(resolved) != null) {
            return resolved;
        }
        if (RemotePaths.isRemote(resolved) || sources.archived()) {
            sourcedContent(resolved);
            return resolved;
        }
        return real.toRealPath(resolved, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Path resolved = resolve(path);
        requireInitStage(path);
        byte[] content = virtualContent(resolved);
        if (content == null) {
            content = sourcedContent(resolved);
        }
        if (content != null) {
            return Map.of("isRegularFile", true, "isDirectory", false, "isSymbolicLink", false, "isOther", false,
                    "size", (long) content.length);
        }
        if (sources.archived()) {
            return Map.of("isRegularFile", false, "isDirectory", true, "isSymbolicLink", false, "isOther", false,
                    "size", 0L);
        }
        return real.readAttributes(resolved, attributes, options);
    }

    /** A read-only channel over bytes in memory. */
    private static final class ByteArrayChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private int position;

        ByteArrayChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = (int) Math.min(newPosition, bytes.length);
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
