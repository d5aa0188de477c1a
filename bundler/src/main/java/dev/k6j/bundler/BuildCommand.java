package dev.k6j.bundler;

import dev.k6j.bundler.assemble.BundleWriter;
import dev.k6j.bundler.resolve.BundleResolver;
import dev.k6j.bundler.resolve.Checkout;
import dev.k6j.bundler.resolve.Conflict;
import dev.k6j.bundler.resolve.ExtensionRequests;
import dev.k6j.bundler.resolve.LocalArtifacts;
import dev.k6j.bundler.resolve.MavenRunner;
import dev.k6j.bundler.resolve.Resolution;
import dev.k6j.bundler.resolve.ResolvedArtifact;
import dev.k6j.bundler.resolve.ScriptExtensions;
import dev.k6j.resolver.maven.ResolverContext;
import dev.k6j.resolver.maven.ResolverOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bundler build}: resolves the engine and the chosen extensions from Maven repositories (or local paths) and
 * writes a runnable bundle: one merged jar, GraalJS in {@code lib/}, a launcher script.
 */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Build a custom k6j engine: the engine plus the extensions you choose, in one runnable jar.")
public final class BuildCommand implements Callable<Integer> {

    @Option(names = "--with", paramLabel = "EXTENSION",
            description = "Add an extension: a k6j short name (bundler list), group:artifact[:version] (latest release"
                    + " when no version), or the path of an extension jar or Maven project. Repeatable.")
    List<String> with = new ArrayList<>();

    @Option(names = "--from-script", paramLabel = "SCRIPT", description = "Add the extensions SCRIPT needs: its"
            + " k6/x/... imports and \"use k6 with ...\" directives, found in the extension catalogs (the built-in one"
            + " and K6J_EXTENSION_CATALOG), at the versions the directives allow. Repeatable.")
    List<Path> fromScripts = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The bundle (default: ${DEFAULT-VALUE}): one"
            + " runnable file, ./FILE run script.js or java -jar FILE run script.js.")
    Path output = Path.of("k6j-bundle.jar");

    @Option(names = "--layout", paramLabel = "one-file|folder", description = "one-file (the default): everything in"
            + " the -o file; folder: the -o jar with its launcher script and lib/ (GraalJS) beside it.")
    String layout = "one-file";

    @Option(names = "--engine-version", paramLabel = "VERSION",
            description = "The engine version (default: this bundler's, ${DEFAULT-VALUE}).")
    String engineVersion = BundlerVersion.get();

    @Option(names = "--replace", paramLabel = "GROUP:ARTIFACT=REPLACEMENT",
            description = "Use REPLACEMENT wherever GROUP:ARTIFACT is a dependency: group:artifact:version, or the path"
                    + " of a jar or Maven project. Repeatable.")
    List<String> replace = new ArrayList<>();

    @Option(names = "--repo", paramLabel = "URL", description = "Another Maven repository to search. Repeatable.")
    List<String> repositories = new ArrayList<>();

    @Option(names = "--offline", description = "Use the local repository only.")
    boolean offline;

    @Option(names = {"-s", "--settings"}, paramLabel = "FILE",
            description = "The Maven settings.xml to use (default: ~/.m2/settings.xml).")
    Path settings;

    @Option(names = "--local-repo", paramLabel = "DIR",
            description = "The local Maven repository (default: the settings', else ~/.m2/repository).")
    Path localRepository;

    @Option(names = "--checkout", paramLabel = "DIR", description = "Take dev.k6j artifacts of the checkout's version"
            + " from this k6j checkout's build output (default: the checkout the bundler runs from, if any).")
    Path checkoutDir;

    @Option(names = "--no-checkout", description = "Take every artifact from repositories, even inside a checkout.")
    boolean noCheckout;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and the bundle's path.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "List every merged artifact and show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        PrintStream out = System.out;
        Path workingDirectory = Path.of("").toAbsolutePath();
        ResolverOptions options = new ResolverOptions(settings, localRepository, repositories, offline);
        LocalArtifacts local = new LocalArtifacts();
        Optional<Checkout> checkout = noCheckout ? Optional.empty() : Checkout.locate(checkoutDir);
        checkout.ifPresent(c -> c.register(local));
        BundleWriter.Layout chosenLayout = layout();
        ScriptExtensions fromScript = ScriptExtensions.scan(fromScripts, workingDirectory);
        options = fromScript.withRepositories(options);
        ExtensionRequests requests = ExtensionRequests.parse(with, replace, workingDirectory);
        Path scratch = Files.createTempDirectory("k6j-bundler-");
        try (ResolverContext resolver = new ResolverContext(options, local)) {
            List<String> chosen = fromScript.choose(resolver, quiet ? line -> { } : out::println);
            if (!chosen.isEmpty()) {
                List<String> all = new ArrayList<>(with);
                all.addAll(chosen);
                requests = ExtensionRequests.parse(all, replace, workingDirectory);
            }
            if (!quiet) {
                out.println("bundler: engine dev.k6j:k6j-engine:" + engineVersion
                        + (requests.extensions().isEmpty() ? " (no extensions: the bare core)"
                        : " with " + requests.extensions().size() + " extension(s)"));
            }
            Resolution resolution = new BundleResolver(resolver, local, new MavenRunner(options), scratch)
                    .resolve(engineVersion, requests.extensions(), requests.replacements());
            BundleWriter.Written written = new BundleWriter(BundlerVersion.get(), chosenLayout, scratch)
                    .write(resolution, workingDirectory.resolve(output));
            if (quiet) {
                out.println(written.jar());
            } else {
                report(out, resolution, written, workingDirectory, start);
            }
            return 0;
        } finally {
            deleteTree(scratch);
        }
    }

    private BundleWriter.Layout layout() {
        return switch (layout) {
            case "one-file" -> BundleWriter.Layout.ONE_FILE;
            case "folder" -> BundleWriter.Layout.FOLDER;
            default -> throw new BundlerException("--layout " + layout + ": write one-file (the default: one runnable"
                    + " file) or folder (the jar with its launcher and lib/ beside it)");
        };
    }

    private void report(PrintStream out, Resolution resolution, BundleWriter.Written written, Path workingDirectory,
            long start) {
        List<ResolvedArtifact> engineLibraries = resolution.broughtBy("engine").stream()
                .filter(a -> !a.isGraal() && !a.equals(resolution.engine())).toList();
        out.println("  engine  " + resolution.engine().coordinates() + "  (from " + resolution.engineFrom() + ")");
        out.println("          + " + labels(engineLibraries));
        out.println("          + GraalJS " + resolution.graalVersion() + ": " + written.libJars().size() + " jars in lib/");
        for (ResolvedArtifact extension : resolution.extensions()) {
            out.println("  with    " + extension.coordinates() + "  (--with " + extension.root() + ")");
            out.println("          provides " + String.join(", ", written.providers()
                    .getOrDefault(extension.coordinates(), List.of())));
            List<ResolvedArtifact> libraries = resolution.broughtBy(extension.root()).stream()
                    .filter(a -> !a.equals(extension) && !a.isGraal()).toList();
            if (!libraries.isEmpty()) {
                out.println("          + " + labels(libraries));
            }
        }
        for (String root : resolution.artifacts().stream().map(ResolvedArtifact::root)
                .filter(r -> r.startsWith("--replace")).distinct().toList()) {
            out.println("  " + root + " -> " + labels(resolution.broughtBy(root)));
        }
        if (verbose) {
            out.println("  merged, in class-path order:");
            written.merged().forEach(a -> out.println("    " + a.coordinates() + "  " + a.file()));
        }
        for (Conflict conflict : resolution.conflicts()) {
            out.println("  conflict: " + conflict.describe());
        }
        for (String duplicate : written.merge().summary()) {
            out.println("  duplicate: " + duplicate);
        }
        if (resolution.compilerProblem() != null) {
            out.println("  warning: " + resolution.compilerProblem());
        }
        Path shown = relative(workingDirectory, written.jar());
        String run = shown.getParent() == null ? "./" + shown : shown.toString();
        if (written.layout() == BundleWriter.Layout.ONE_FILE) {
            out.printf(Locale.ROOT, "wrote %s (%s, one file: %d artifacts merged, %d entries; GraalJS %d jars, %s; Graal"
                    + " compiler %d jars, %s)%n", shown, size(written.jarSize()), written.merged().size(),
                    written.merge().entries(), written.libJars().size(), size(written.libSize()),
                    written.compilerJars().size(), size(written.compilerSize()));
            out.printf(Locale.ROOT, "      run it: %s run script.js   (or java -jar %s run script.js); the first run"
                    + " unpacks it into k6j's cache (bundles/%s)%n", run, shown, written.bundleId());
        } else {
            out.printf(Locale.ROOT, "wrote %s (%s; %d artifacts merged, %d entries)%n", shown, size(written.jarSize()),
                    written.merged().size(), written.merge().entries());
            out.printf(Locale.ROOT, "      %s (%d GraalJS jars, %s), %s (%d jars, %s), beside it (--layout folder)%n",
                    relative(workingDirectory, written.jar().resolveSibling("lib")), written.libJars().size(),
                    size(written.libSize()), relative(workingDirectory, written.jar().resolveSibling("lib/graal-compiler")),
                    written.compilerJars().size(), size(written.compilerSize()));
            Path launcher = relative(workingDirectory, written.launcher());
            String start2 = launcher.getParent() == null ? "./" + launcher : launcher.toString();
            out.printf(Locale.ROOT, "      %s, the launcher: %s run script.js%n", launcher, start2);
        }
        out.printf(Locale.ROOT, "built in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static String labels(List<ResolvedArtifact> artifacts) {
        return artifacts.isEmpty() ? "(no libraries)"
                : artifacts.stream().map(ResolvedArtifact::label).collect(Collectors.joining(", "));
    }

    private static Path relative(Path base, Path path) {
        return path.startsWith(base) ? base.relativize(path) : path;
    }

    private static String size(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind: harmless.
        }
    }
}
