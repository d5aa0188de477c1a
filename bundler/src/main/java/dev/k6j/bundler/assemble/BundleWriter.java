package dev.k6j.bundler.assemble;

import dev.k6j.bundler.BundlerException;
import dev.k6j.bundler.resolve.Resolution;
import dev.k6j.bundler.resolve.ResolvedArtifact;
import dev.k6j.resolver.maven.SpiRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes a bundle from a {@link Resolution}, by default as one file ({@link Layout#ONE_FILE}):
 * <pre>
 * my-k6j.jar     a launcher script followed by a jar (OneFileBundle): the merged engine, GraalJS and the Graal JIT
 *                inside, unpacked into k6j's cache on first run; ./my-k6j.jar run …, or java -jar my-k6j.jar run …
 * </pre>
 * or, when asked for ({@link Layout#FOLDER}, what the project's own distribution uses):
 * <pre>
 * my-k6j.jar              engine + extensions + their libraries, merged (JarMerger), with the bundle record
 * my-k6j                  the launcher script (LauncherScript)
 * lib/*.jar               GraalJS and Truffle, not merged (shading them loses the optimizing runtime), named by
 *                         the jar manifest's Class-Path
 * lib/graal-compiler/     the Graal JIT of the same version, for --upgrade-module-path
 * </pre>
 * Checks on the way that every {@code --with} artifact is a k6j extension built for the bundled SPI, and every input
 * file against its checksums and as a readable jar ({@link ArtifactIntegrity}), before anything is written. A
 * failure leaves nothing half-written: no {@code .part} file, no {@code lib/} that was not there before.
 */
public final class BundleWriter {

    /** How a bundle is laid out on disk. */
    public enum Layout {
        /** One runnable file: launcher script and jar with GraalJS inside. */
        ONE_FILE,
        /** The jar, its launcher script, and {@code lib/} with GraalJS, beside each other. */
        FOLDER
    }

    /** The main class of every engine. */
    static final String MAIN_CLASS = "dev.k6j.engine.cli.Main";
    static final String SPI_REQUIRES = "K6j-Spi-Requires";

    private final String bundlerVersion;
    private final Layout layout;
    private final Path scratch;

    /** @param scratch a temporary folder for the merged engine jar of a one-file bundle */
    public BundleWriter(String bundlerVersion, Layout layout, Path scratch) {
        this.bundlerVersion = bundlerVersion;
        this.layout = layout;
        this.scratch = scratch;
    }

    /**
     * What was written.
     *
     * @param jar          the bundle file (one file), or the bundle jar (folder layout)
     * @param jarSize      its size in bytes
     * @param launcher     what to run: the bundle file itself, or the launcher script beside the jar
     * @param layout       how it is laid out
     * @param bundleId     the one-file bundle's id (its folder in k6j's cache), or {@code null}
     * @param merged       the merged artifacts, in order
     * @param libJars      the GraalJS jars (inside a one-file bundle, or in {@code lib/})
     * @param libSize      their total size
     * @param compilerJars the compiler jars
     * @param compilerSize their total size
     * @param providers    per {@code --with} extension artifact (coordinates), its provider classes
     * @param merge        the merge's entries and duplicates
     */
    public record Written(Path jar, long jarSize, Path launcher, Layout layout, String bundleId,
                          List<ResolvedArtifact> merged, List<Path> libJars, long libSize, List<Path> compilerJars,
                          long compilerSize, Map<String, List<String>> providers, MergeReport merge) {
    }

    /** Writes the bundle to {@code jar} (and, in the folder layout, its siblings). */
    public Written write(Resolution resolution, Path jar) {
        Path output = jar.toAbsolutePath().normalize();
        Path launcher = layout == Layout.FOLDER ? LauncherScript.pathFor(output) : output;
        if (layout == Layout.FOLDER) {
            LauncherScript.checkWritable(launcher);
        } else {
            LauncherScript.checkReplaceable(output);
        }
        try {
            List<BundleRecord.Extension> recorded = new ArrayList<>();
            Map<String, List<String>> providers = new LinkedHashMap<>();
            List<ResolvedArtifact> merged = new ArrayList<>();
            List<ResolvedArtifact> graal = new ArrayList<>();
            for (ResolvedArtifact artifact : resolution.artifacts()) {
                ArtifactIntegrity.check(artifact.coordinates(), artifact.file());
                if (artifact.isGraal()) {
                    graal.add(artifact);
                    continue;
                }
                merged.add(artifact);
                if (artifact.equals(resolution.engine())) {
                    continue;
                }
                List<String> found = ArtifactContents.providers(artifact.file());
                if (!found.isEmpty()) {
                    String spiRequires = ArtifactContents.manifestAttribute(artifact.file(), SPI_REQUIRES);
                    checkSpi(artifact, spiRequires, resolution.spiVersion());
                    String version = artifact.version().isEmpty()
                            ? ArtifactContents.manifestAttribute(artifact.file(), "Implementation-Version")
                            : artifact.version();
                    recorded.add(new BundleRecord.Extension(artifact.coordinates(), version, spiRequires, found));
                    providers.put(artifact.coordinates(), found);
                }
            }
            for (Path compiler : resolution.compilerJars()) {
                ArtifactIntegrity.check("the Graal compiler " + resolution.graalVersion(), compiler);
            }
            for (ResolvedArtifact extension : resolution.extensions()) {
                if (!providers.containsKey(extension.coordinates())) {
                    throw new BundlerException("--with " + extension.root() + " (" + extension.coordinates() + ") is not"
                            + " a k6j extension: its jar lists no provider in META-INF/services/dev.k6j.spi.JsModule or"
                            + " META-INF/services/dev.k6j.spi.OutputFactory");
                }
            }
            List<Path> graalFiles = graal.stream().map(ResolvedArtifact::file).toList();
            Manifest manifest = manifest(resolution, graalFiles);
            byte[] record = BundleRecord.write(resolution.engine().coordinates(), resolution.spiVersion(),
                    resolution.graalVersion(), bundlerVersion, recorded);
            List<JarMerger.Input> inputs = merged.stream()
                    .map(a -> new JarMerger.Input(a.coordinates(), a.file())).toList();
            Path engineJar = layout == Layout.FOLDER ? output : scratch.resolve("k6j.jar");
            MergeReport report = new JarMerger().merge(inputs, manifest, Map.of(BundleRecord.RESOURCE, record),
                    engineJar);
            if (layout == Layout.ONE_FILE) {
                String id = OneFileBundle.write(output, engineJar, graalFiles, resolution.compilerJars(),
                        resolution.graalVersion(), bundlerVersion,
                        LauncherScript.oneFile(output.getFileName().toString(), resolution.graalVersion()));
                return new Written(output, Files.size(output), output, layout, id, merged, graalFiles,
                        sizeOf(graalFiles), resolution.compilerJars(), sizeOf(resolution.compilerJars()), providers,
                        report);
            }
            Path home = output.getParent();
            Path lib = Files.createDirectories(home.resolve("lib"));
            List<Path> libJars = new ArrayList<>();
            for (Path file : graalFiles) {
                libJars.add(copyIfChanged(file, lib));
            }
            Path compilerDir = Files.createDirectories(lib.resolve("graal-compiler"));
            List<Path> compilerJars = replaceFolderJars(compilerDir, resolution.compilerJars());
            LauncherScript.write(launcher, output.getFileName().toString(), resolution.graalVersion());
            return new Written(output, Files.size(output), launcher, layout, null, merged, libJars, sizeOf(libJars),
                    compilerJars, sizeOf(compilerJars), providers, report);
        } catch (IOException e) {
            throw new BundlerException("could not write the bundle " + output + ": " + e.getMessage(), e);
        }
    }

    private Manifest manifest(Resolution resolution, List<Path> libJars) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", libJars.stream()
                .map(jar -> "lib/" + jar.getFileName()).toList()));
        main.put(Attributes.Name.MULTI_RELEASE, "true");
        // GraalJS loads native code; an executable jar may allow it for its class path (JDK 22+).
        main.put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
        main.put(new Attributes.Name("Created-By"), "k6j bundler " + bundlerVersion);
        main.put(new Attributes.Name("K6j-Bundle-Engine"), resolution.engine().coordinates());
        main.put(new Attributes.Name("K6j-Graal-Version"), resolution.graalVersion());
        // No Implementation-Version here: every merged package would inherit it as its own version.
        return manifest;
    }

    private static void checkSpi(ResolvedArtifact artifact, String spiRequires, String spiVersion) {
        if (spiRequires == null) {
            return;
        }
        boolean fits;
        try {
            fits = SpiRange.contains(spiRequires, spiVersion);
        } catch (IllegalArgumentException e) {
            throw new BundlerException(artifact.coordinates() + " declares " + SPI_REQUIRES + ": " + spiRequires
                    + ", which is not a version range such as [0.1,0.2): " + e.getMessage());
        }
        if (!fits) {
            throw new BundlerException(artifact.coordinates() + " was built for the k6j SPI " + spiRequires
                    + " but the engine being bundled has SPI " + spiVersion + ": use a version of the extension built"
                    + " for SPI " + spiVersion + ", or --engine-version of an engine whose SPI is in " + spiRequires);
        }
    }

    /** Copies {@code file} into {@code folder} unless an identical-looking copy is there; returns the copy. */
    private static Path copyIfChanged(Path file, Path folder) throws IOException {
        Path target = folder.resolve(file.getFileName());
        if (!Files.exists(target) || Files.size(target) != Files.size(file)) {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Makes {@code folder}'s jars exactly {@code jars}: the JVM refuses two compiler versions on the upgrade path. */
    private static List<Path> replaceFolderJars(Path folder, List<Path> jars) throws IOException {
        Set<String> wanted = new HashSet<>();
        jars.forEach(jar -> wanted.add(jar.getFileName().toString()));
        try (Stream<Path> existing = Files.list(folder)) {
            for (Path old : existing.filter(f -> f.getFileName().toString().endsWith(".jar")).toList()) {
                if (!wanted.contains(old.getFileName().toString())) {
                    Files.delete(old);
                }
            }
        }
        List<Path> copies = new ArrayList<>();
        for (Path jar : jars) {
            copies.add(copyIfChanged(jar, folder));
        }
        return copies;
    }

    private static long sizeOf(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }
}
