package dev.k6j.bundler;

import dev.k6j.bundler.resolve.Checkout;
import dev.k6j.bundler.resolve.PomFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bundler list}: k6j's own extensions, their coordinates, what they provide, and whether one is at hand. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List k6j's own extensions with their coordinates and one-line descriptions.")
public final class ListCommand implements Callable<Integer> {

    @Option(names = "--local-repo", paramLabel = "DIR", description = "The local Maven repository to look in.")
    Path localRepository;

    @Option(names = "--engine-version", paramLabel = "VERSION", description = "The engine version (default: ${DEFAULT-VALUE}).")
    String engineVersion = BundlerVersion.get();

    @Override
    public Integer call() {
        Optional<Checkout> checkout = Checkout.locate(null);
        Path repository = localRepository != null ? localRepository
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        System.out.println("k6j's own extensions (bundler build --with <name>; released with the engine, version "
                + engineVersion + "):");
        int coordinatesWidth = Catalog.entries().stream().mapToInt(e -> e.coordinates(engineVersion).length()).max()
                .orElse(0);
        int providesWidth = Catalog.entries().stream().mapToInt(e -> e.provides().length()).max().orElse(0);
        int nameWidth = Catalog.entries().stream().mapToInt(e -> e.shortName().length()).max().orElse(0);
        String row = "  %-" + nameWidth + "s %-" + coordinatesWidth + "s  %-" + providesWidth + "s  %s%n";
        for (Catalog.Entry entry : Catalog.entries()) {
            System.out.printf(row, entry.shortName(), entry.coordinates(engineVersion), entry.provides(),
                    entry.description());
            System.out.printf("  %-" + nameWidth + "s %s%n", "", availability(entry, checkout, repository));
        }
        System.out.println("Any other extension: --with group:artifact[:version], or the path of its jar or Maven project.");
        return 0;
    }

    private String availability(Catalog.Entry entry, Optional<Checkout> checkout, Path repository) {
        if (checkout.isPresent() && checkout.get().version().equals(engineVersion)) {
            for (PomFile module : checkout.get().modules()) {
                if (module.artifactId().equals(entry.artifactId())) {
                    return "available: in the checkout " + module.file().getParent();
                }
            }
        }
        Path jar = repository.resolve(Catalog.GROUP.replace('.', '/')).resolve(entry.artifactId())
                .resolve(engineVersion).resolve(entry.artifactId() + "-" + engineVersion + ".jar");
        if (Files.isRegularFile(jar)) {
            return "available: in the local repository " + repository;
        }
        return "not built or published yet here (bundler build --with " + entry.shortName()
                + " also asks the remote repositories)";
    }
}
