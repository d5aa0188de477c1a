package dev.k6j.bundler.resolve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A k6j source checkout whose build output stands in for the {@code dev.k6j} artifacts of its version, as a Maven
 * reactor's modules do: {@code engine/target/classes} is {@code dev.k6j:k6j-engine:<version>},
 * {@code engine/pom.xml} its pom. This is how the bundler finds the engine without {@code mvn install} when it runs
 * from a checkout (bin/bundler, the tests). Immutable.
 *
 * @param root    the checkout's folder (where the parent pom is)
 * @param version the checkout's project version
 * @param modules the modules' poms, parent first
 */
public record Checkout(Path root, String version, List<PomFile> modules) {

    private static final String PARENT_ARTIFACT = "k6j-parent";

    /** The checkout at {@code explicit}, or the one the bundler itself runs from, if any. */
    public static Optional<Checkout> locate(Path explicit) {
        if (explicit != null) {
            return Optional.of(at(explicit).orElseThrow(() -> new dev.k6j.bundler.BundlerException(
                    explicit + " is not a k6j checkout (no pom.xml of " + PARENT_ARTIFACT + ")")));
        }
        try {
            Path self = Path.of(Checkout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = self.getParent(); dir != null; dir = dir.getParent()) {
                Optional<Checkout> checkout = at(dir);
                if (checkout.isPresent()) {
                    return checkout;
                }
            }
        } catch (Exception e) {
            // No code source (an unusual class loader): no checkout.
        }
        return Optional.empty();
    }

    /** The checkout whose parent pom is {@code dir/pom.xml}, if that is k6j's. */
    static Optional<Checkout> at(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        PomFile parent;
        try {
            parent = PomFile.read(pom);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!parent.artifactId().equals(PARENT_ARTIFACT)) {
            return Optional.empty();
        }
        List<PomFile> modules = new ArrayList<>();
        collect(parent, modules);
        return Optional.of(new Checkout(dir.toAbsolutePath().normalize(), parent.version(), List.copyOf(modules)));
    }

    private static void collect(PomFile pom, List<PomFile> into) {
        into.add(pom);
        for (String module : pom.modules()) {
            Path modulePom = pom.file().getParent().resolve(module).resolve("pom.xml");
            if (Files.isRegularFile(modulePom)) {
                collect(PomFile.read(modulePom), into);
            }
        }
    }

    /**
     * Offers every module to the resolver: its pom, and its build output ({@code target/classes}, which the
     * {@code test} phase already has; else the packaged jar). A module not built yet offers its pom only.
     */
    public void register(LocalArtifacts artifacts) {
        String origin = "the checkout " + root;
        for (PomFile module : modules) {
            artifacts.add(module.groupId(), module.artifactId(), "pom", module.version(), module.file(), origin);
            if (module.packaging().equals("pom")) {
                continue;
            }
            Path target = module.file().getParent().resolve("target");
            Path classes = target.resolve("classes");
            Path jar = target.resolve(module.artifactId() + ".jar");
            Path versionedJar = target.resolve(module.artifactId() + "-" + module.version() + ".jar");
            Path output = Files.isDirectory(classes) ? classes
                    : Files.isRegularFile(jar) ? jar : Files.isRegularFile(versionedJar) ? versionedJar : null;
            if (output != null) {
                artifacts.add(module.groupId(), module.artifactId(), "jar", module.version(), output, origin);
            }
        }
    }
}
