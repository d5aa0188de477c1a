package dev.k6j.engine.loader;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Every source of one test run, read once and shared by all VUs: the script, the local modules and data files it
 * reads (by absolute path), and its remote modules (by URL). It is k6's pair of {@code file} and {@code https}
 * file systems: {@code k6j archive} writes out what is here, and a run of an archive is served from here alone,
 * with no disk and no network.
 *
 * <p>This is the one place where module sources can be watched: {@link #modules()} lists every module loaded so
 * far with its original text (before TypeScript is stripped), and {@link #onModuleLoaded} hears of each new one.
 *
 * <p>Remote modules are fetched during the first VU's init only (k6 resolves modules while initializing VU 0):
 * after {@link #lock()}, a URL that was not fetched before is an error. Thread-safe.
 */
public final class ScriptSources {

    /** A module loaded for the test: where it came from and its text as written. */
    public record LoadedModule(String location, String text) {
    }

    private final RemoteModules remote;
    private final boolean archived;
    private final Map<Path, byte[]> files = new ConcurrentHashMap<>();
    private final Map<URI, CompletableFuture<byte[]>> remoteModules = new ConcurrentHashMap<>();
    private final Map<Path, byte[]> javascript = new ConcurrentHashMap<>();
    private final Map<String, LoadedModule> modules = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Consumer<LoadedModule>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean locked;

    private ScriptSources(RemoteModules remote, boolean archived) {
        this.remote = remote;
        this.archived = archived;
    }

    /** Sources read from the disk and, for {@code https://} imports, through {@code remote}. */
    public static ScriptSources local(RemoteModules remote) {
        return new ScriptSources(remote, false);
    }

    /** The sources of an archive: nothing else is read. */
    public static ScriptSources archived(Map<Path, byte[]> files, Map<URI, byte[]> remoteModules) {
        ScriptSources sources = new ScriptSources(null, true);
        sources.files.putAll(files);
        remoteModules.forEach((url, data) -> sources.remoteModules.put(url, CompletableFuture.completedFuture(data)));
        return sources;
    }

    /** Whether these sources came from an archive. */
    public boolean archived() {
        return archived;
    }

    // ---- local files -----------------------------------------------------------------------------------------

    /** A local file's bytes (a module, or data for {@code open()}), read from the disk the first time. */
    public byte[] file(Path path) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        byte[] known = files.get(key);
        if (known != null) {
            return known;
        }
        if (archived) {
            throw new NoSuchFileException(key.toString(), null, "not in the archive");
        }
        byte[] content = Files.readAllBytes(key);
        byte[] earlier = files.putIfAbsent(key, content);
        return earlier != null ? earlier : content;
    }

    /** Whether a local path is a file here (in an archive: one of its files). */
    public boolean isFile(Path path) {
        Path key = path.toAbsolutePath().normalize();
        return files.containsKey(key) || !archived && Files.isRegularFile(key);
    }

    /** Whether a local path is a folder (in an archive: the folder of one of its files). */
    public boolean isDirectory(Path path) {
        Path key = path.toAbsolutePath().normalize();
        if (!archived) {
            return Files.isDirectory(key);
        }
        return files.keySet().stream().anyMatch(file -> file.startsWith(key) && !file.equals(key));
    }

    // ---- remote modules --------------------------------------------------------------------------------------

    /** A remote module's bytes, fetched once per run. */
    public byte[] remote(URI url) throws IOException {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> existing = remoteModules.putIfAbsent(url, mine);
        if (existing == null) {
            existing = mine;
            if (archived || remote == null) {
                mine.completeExceptionally(new NoSuchFileException(url.toString(), null,
                        archived ? "not in the archive" : "remote modules are not fetched here"));
            } else if (locked) {
                remoteModules.remove(url, mine);
                throw new IOException("the module \"" + url
                        + "\" was not previously resolved during initialization (__VU==0)");
            } else {
                try {
                    mine.complete(remote.fetch(url));
                } catch (RemoteModuleException e) {
                    mine.completeExceptionally(e);
                }
            }
        }
        try {
            return existing.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
    }

    /** The first remote module that could not be fetched in this run, if any. */
    public RemoteModuleException remoteFailure() {
        for (CompletableFuture<byte[]> future : remoteModules.values()) {
            if (future.isCompletedExceptionally()) {
                try {
                    future.join();
                } catch (RuntimeException e) {
                    if (e.getCause() instanceof RemoteModuleException failure) {
                        return failure;
                    }
                }
            }
        }
        return null;
    }

    /** No new remote module may be fetched from now on (called after the first VU's init). */
    public void lock() {
        locked = true;
    }

    // ---- modules ---------------------------------------------------------------------------------------------

    /**
     * A module's source as GraalJS should run it, given the path it is loaded from (a local path, or a
     * {@link RemotePaths remote path}): TypeScript ({@code .ts}) is turned into JavaScript. Recorded the first time.
     */
    public byte[] module(Path path) throws IOException {
        byte[] done = javascript.get(path);
        if (done != null) {
            return done;
        }
        boolean isRemote = RemotePaths.isRemote(path);
        URI url = isRemote ? RemotePaths.toUrl(path) : path.toAbsolutePath().normalize().toUri();
        byte[] raw = isRemote ? remote(url) : file(path);
        String text = new String(raw, StandardCharsets.UTF_8);
        byte[] result = raw;
        if (TypeScript.isTypeScript(url.getPath())) {
            result = TypeScript.transpile(text, path.toString(), url).getBytes(StandardCharsets.UTF_8);
        }
        byte[] earlier = javascript.putIfAbsent(path, result);
        if (earlier == null) {
            record(isRemote ? url.toString() : path.toString(), text);
        }
        return earlier != null ? earlier : result;
    }

    /** Records the main script, which is read before any VU exists. */
    public void recordScript(String location, String text) {
        record(location, text);
    }

    private void record(String location, String text) {
        LoadedModule module = new LoadedModule(location, text);
        if (modules.putIfAbsent(location, module) == null) {
            listeners.forEach(listener -> listener.accept(module));
        }
    }

    /** Every module loaded so far, in the order they were loaded, with their text as written. */
    public List<LoadedModule> modules() {
        synchronized (modules) {
            return List.copyOf(new ArrayList<>(modules.values()));
        }
    }

    /** Hears of every module loaded from now on (on the thread that loads it, often a VU's). */
    public void onModuleLoaded(Consumer<LoadedModule> listener) {
        listeners.add(listener);
    }

    // ---- for archives ----------------------------------------------------------------------------------------

    /** The local files read so far, by absolute path. */
    public Map<Path, byte[]> localFiles() {
        return Map.copyOf(files);
    }

    /** The remote modules fetched so far, by URL. */
    public Map<URI, byte[]> remoteModules() {
        Map<URI, byte[]> result = new LinkedHashMap<>();
        remoteModules.forEach((url, future) -> {
            if (future.isDone() && !future.isCompletedExceptionally()) {
                result.put(url, future.join());
            }
        });
        return result;
    }
}
