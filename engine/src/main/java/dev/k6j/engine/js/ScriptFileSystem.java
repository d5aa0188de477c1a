package dev.k6j.engine.js;

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
 *
 * <p>GraalJS resolves a bare specifier such as {@code k6/http} against the working directory, so
 * {@link #toAbsolutePath} maps those names into the virtual folder before anything is read.
 * One instance per VU context; used on that VU's thread.
 */
public final class ScriptFileSystem implements FileSystem {

    static final String VIRTUAL_ROOT = "/__k6j_modules__/";

    /** The reason of the NoSuchFileException for an import of a module nobody provides. */
    public static final String UNKNOWN_MODULE = "no such module";

    private final FileSystem real = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    private final Path workingDirectory;
    private final Function<String, byte[]> moduleSource;

    /**
     * @param workingDirectory where relative paths resolve
     * @param moduleSource     gives the JavaScript source of a module by name (UTF-8), or {@code null} if unknown
     */
    ScriptFileSystem(Path workingDirectory, Function<String, byte[]> moduleSource) {
        this.workingDirectory = workingDirectory;
        this.moduleSource = moduleSource;
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
        return path;
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
        return Paths.get(uri);
    }

    @Override
    public Path parsePath(String path) {
        return Paths.get(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        Path resolved = resolve(path);
        if (modes.contains(AccessMode.WRITE)) {
            throw new AccessDeniedException(path.toString(), null, "scripts cannot write files");
        }
        if (moduleNameOf(resolved) != null) {
            virtualContent(resolved);
            return;
        }
        real.checkAccess(resolved, modes, options);
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
        byte[] content = virtualContent(resolved);
        if (content != null) {
            return new ByteArrayChannel(content);
        }
        return real.newByteChannel(resolved, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        return real.newDirectoryStream(resolve(dir), filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return resolve(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        Path resolved = resolve(path);
        if (moduleNameOf(resolved) != null) {
            return resolved;
        }
        return real.toRealPath(resolved, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Path resolved = resolve(path);
        byte[] content = virtualContent(resolved);
        if (content != null) {
            return Map.of("isRegularFile", true, "isDirectory", false, "isSymbolicLink", false, "isOther", false,
                    "size", (long) content.length);
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
