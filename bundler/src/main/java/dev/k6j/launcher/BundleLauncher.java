package dev.k6j.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The start of a one-file k6j bundle, copied into every bundle by {@code bundler build}. A bundle file is a shell
 * script followed by a jar: run as a program ({@code ./my-k6j.jar run script.js}) the script finds a JDK 25, has
 * this class unpack the jar's payload ({@value #PAYLOAD}: the engine jar, GraalJS, the Graal compiler) once into
 * k6j's cache, and starts the engine from there with the JVM flags GraalJS needs. Run with {@code java -jar
 * my-k6j.jar …} this class does both itself and starts the engine in a child JVM (in the interpreter: the
 * optimizing runtime needs flags that only the script chooses), passing signals and the exit code through.
 *
 * <p>Only JDK classes: it runs before anything else of the bundle is unpacked.
 */
public final class BundleLauncher {

    /** The folder inside the bundle jar that holds what is unpacked. */
    public static final String PAYLOAD = "K6J-BUNDLE/";
    /** The manifest attribute naming the bundle's content (a hash), and so its folder in the cache. */
    public static final String BUNDLE_ID = "K6j-Bundle-Id";

    private BundleLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path self = self();
        if (args.length == 2 && args[0].equals("--unpack")) {
            unpack(self, Path.of(args[1]));
            return;
        }
        String id;
        try (JarFile jar = new JarFile(self.toFile())) {
            id = jar.getManifest().getMainAttributes().getValue(BUNDLE_ID);
        }
        Path home = cacheDir().resolve("bundles").resolve(id);
        unpack(self, home);
        System.exit(runEngine(self, home, args));
    }

    /** k6j's cache: {@code K6J_CACHE_DIR}, else {@code $XDG_CACHE_HOME/k6j}, else {@code ~/.cache/k6j}. */
    static Path cacheDir() {
        String explicit = System.getenv("K6J_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "k6j");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "k6j");
    }

    /**
     * Unpacks the payload of {@code bundle} into {@code target} unless it is there already: into a temporary folder
     * beside it first, then renamed, so that a run never sees half a bundle and two first runs at once are fine.
     */
    static void unpack(Path bundle, Path target) throws IOException {
        if (Files.isRegularFile(target.resolve("k6j.jar"))) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempDirectory(target.getParent(), target.getFileName() + ".part-");
        try {
            try (JarFile jar = new JarFile(bundle.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.getName().startsWith(PAYLOAD) || entry.isDirectory()) {
                        continue;
                    }
                    Path file = partial.resolve(entry.getName().substring(PAYLOAD.length())).normalize();
                    if (!file.startsWith(partial)) {
                        throw new IOException("the bundle holds an entry outside its folder: " + entry.getName());
                    }
                    Files.createDirectories(file.getParent());
                    try (InputStream in = jar.getInputStream(entry)) { // checks each entry's CRC as it reads
                        Files.copy(in, file);
                    }
                }
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!Files.isRegularFile(target.resolve("k6j.jar"))) {
                    throw e;
                }
            } catch (IOException e) {
                if (!Files.isRegularFile(target.resolve("k6j.jar"))) {
                    throw e; // another run unpacking at the same time won; otherwise a real failure
                }
            }
        } finally {
            deleteTree(partial);
        }
    }

    /** Runs the unpacked engine in a child JVM with this one's I/O; returns its exit code. */
    private static int runEngine(Path bundle, Path home, String[] args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
        List<String> command = new ArrayList<>(List.of(java,
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Dk6j.jsRuntime=interpreter",
                "-Dk6j.jsRuntimeReason=java -jar runs the interpreter; run the bundle file itself (" + bundle
                        + " run …) for the optimizing runtime",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-XX:+UseCompactObjectHeaders", "-Dk6j.home=" + bundle.getParent(), "-Dk6j.launcher=java -jar " + bundle.getFileName()));
        String extra = System.getenv("K6J_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.add("-jar");
        command.add(home.resolve("k6j.jar").toString());
        command.addAll(List.of(args));
        Process engine = new ProcessBuilder(command).inheritIO().start();
        // Ctrl-C reaches the engine directly (same process group): the engine decides what it means, this JVM
        // waits. A SIGTERM to this JVM is passed on.
        ignoreInterrupts();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (engine.isAlive()) {
                engine.destroy();
                try {
                    engine.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        return engine.waitFor();
    }

    /**
     * A do-nothing handler for SIGINT, through {@code sun.misc.Signal} (the JDK's only way; reached by reflection
     * as the engine's own Interrupts does). Installed after the child started, so the child keeps the default.
     */
    private static void ignoreInterrupts() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object handler = java.lang.reflect.Proxy.newProxyInstance(BundleLauncher.class.getClassLoader(),
                    new Class<?>[] {handlerClass}, (proxy, method, methodArgs) -> null);
            signalClass.getMethod("handle", signalClass, handlerClass)
                    .invoke(null, signalClass.getConstructor(String.class).newInstance("INT"), handler);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // No signal handling here: Ctrl-C ends this JVM too, and the engine gets it all the same.
        }
    }

    private static Path self() throws URISyntaxException {
        return Path.of(BundleLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left in the cache: harmless, and the next run unpacks again.
        }
    }
}
