package dev.k6j.bundler;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.installation.InstallRequest;

/**
 * The shared, expensive part of the bundler's integration tests, made once per test JVM in {@code target/it}:
 * <ul>
 *   <li>a temporary local Maven repository ({@code repo/}) and a settings.xml that reads released artifacts from
 *       the user's {@code ~/.m2/repository} as a file repository (no network, nothing written there);</li>
 *   <li>this checkout's SPI, engine and test kit installed into it (jarred from {@code target/classes}, as the
 *       {@code test} phase has no jars yet), so a third-party build can depend on them;</li>
 *   <li>{@code examples/extension-template} copied and built with {@code mvn install} into that repository (its own
 *       tests run too);</li>
 *   <li>a second extension, the output {@code counter}, compiled into a plain jar.</li>
 * </ul>
 */
final class BundlerFixture {

    static final String TEMPLATE = "com.example:k6j-greeting:1.0.0";

    private static BundlerFixture instance;

    final Path checkout;
    final String version;
    final Path work;
    final Path repository;
    final Path settings;
    final Path template;
    final Path templateJar;
    final Path counterJar;
    /** k6j's cache for the bundles the tests run (one-file bundles unpack there once). */
    final Path cache;
    private Path bare;

    /** The fixture, built on first use. */
    static synchronized BundlerFixture get() {
        if (instance == null) {
            try {
                instance = new BundlerFixture();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not prepare the bundler tests: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    private BundlerFixture() throws IOException, InterruptedException {
        checkout = Path.of("").toAbsolutePath().getParent();
        version = BundlerVersion.get();
        work = checkout.resolve("bundler/target/it");
        deleteTree(work);
        repository = Files.createDirectories(work.resolve("repo"));
        settings = writeSettings(work.resolve("settings.xml"));
        installCheckout();
        template = copyTree(checkout.resolve("examples/extension-template"), work.resolve("extension-template"));
        maven(template, "install");
        templateJar = template.resolve("target/k6j-greeting-1.0.0.jar");
        counterJar = CounterOutput.build(Files.createDirectories(work.resolve("counter")));
        cache = Files.createDirectories(work.resolve("k6j-cache"));
    }

    /** A bundle of the bare core (no extensions), one file, built on first use: {@code bare/k6j.jar}. */
    synchronized Path bare() {
        if (bare == null) {
            Path jar = work.resolve("bare/k6j.jar");
            List<String> args = new ArrayList<>(List.of("build", "-o", jar.toString()));
            args.addAll(repositoryOptions());
            Run build = bundler(args.toArray(String[]::new));
            if (build.exitCode() != 0 || !build.stdout().contains("(no extensions: the bare core)")) {
                throw new IllegalStateException("could not build the bare bundle:\n" + build.all());
            }
            bare = jar;
        }
        return bare;
    }

    /** The bundler options every test passes: the temporary repository, the file-mirror settings. */
    List<String> repositoryOptions() {
        return List.of("--settings", settings.toString(), "--local-repo", repository.toString());
    }

    /** Runs {@code bundler args…} in this JVM. */
    static Run bundler(String... args) {
        return captured(() -> Main.run(args));
    }

    /**
     * Runs a bundle (or any program) and waits for it. Bundles unpack into the tests' k6j cache, and resolve nothing
     * on demand unless {@code environment} says otherwise (K6_AUTO_EXTENSION_RESOLUTION): the tests must not reach
     * the user's repositories.
     */
    static Run process(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("K6J_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("K6J_PLUGINS_DIR");
        builder.environment().remove("K6J_EXTENSION_CATALOG");
        builder.environment().put("K6J_CACHE_DIR", get().cache.toString());
        builder.environment().put("K6_AUTO_EXTENSION_RESOLUTION", "false");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("k6j-it-out", ".txt");
        Path err = Files.createTempFile("k6j-it-err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
        }
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** A finished command: exit code and output. */
    record Run(int exitCode, String stdout, String stderr) {
        /** An error line of the engine as k6 logs it off a terminal ({@code time=… level=error msg="…"}). */
        private static final Pattern LOGFMT_ERROR =
                Pattern.compile("^time=\"[^\"]*\" level=error msg=\"((?:[^\"\\\\]|\\\\.)*)\"(.*)$");

        String all() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }

        /** The lines of stderr, k6's logfmt error lines as the terminal shows them: {@code error: <message>}. */
        List<String> errorLines() {
            return stderr.lines().filter(line -> !line.isBlank()).map(line -> {
                Matcher error = LOGFMT_ERROR.matcher(line);
                return error.matches() ? "error: " + error.group(1).replace("\\\"", "\"").replace("\\\\", "\\")
                        + error.group(2) : line;
            }).toList();
        }
    }

    private static synchronized Run captured(IntSupplier body) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = body.getAsInt();
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs Maven like a user, with the test repository and settings; its output goes to a log beside the project. */
    void maven(Path project, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-q", "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository, "-Dk6j.version=" + version));
        command.addAll(List.of(goals));
        Path log = project.resolveSibling(project.getFileName() + "-mvn.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("'" + String.join(" ", command) + "' failed in " + project + ":\n"
                    + Files.readString(log));
        }
    }

    private Path writeSettings(Path file) throws IOException {
        String cache = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
        String repo = """
                    <id>m2-cache</id><url>%s</url>
                    <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>
                """.formatted(cache);
        Files.writeString(file, """
                <settings>
                  <!-- The k6j tests' Maven settings: released artifacts come from the user's local repository,
                       read as a file repository, before Maven Central. -->
                  <profiles><profile><id>m2-cache</id>
                    <repositories><repository>%s</repository></repositories>
                    <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>m2-cache</activeProfile></activeProfiles>
                </settings>
                """.formatted(repo, repo));
        return file;
    }

    /**
     * Installs the parent pom, the SPI, the resolver, the engine with the support artifacts it uses (netty-support,
     * metric-sinks) and the test kit of this checkout into the test repository.
     */
    private void installCheckout() throws IOException {
        Path jars = Files.createDirectories(work.resolve("checkout-jars"));
        InstallRequest install = new InstallRequest();
        install.addArtifact(artifact("k6j-parent", "pom", checkout.resolve("pom.xml")));
        for (String[] module : new String[][] {{"spi", "k6j-spi"}, {"resolver", "k6j-resolver"},
                {"netty-support", "k6j-netty-support"}, {"metric-sinks", "k6j-metric-sinks"},
                {"engine", "k6j-engine"}, {"spi-testkit", "k6j-spi-testkit"}}) {
            Path moduleDir = checkout.resolve(module[0]);
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            if (module[0].equals("spi")) {
                manifest.getMainAttributes().put(new Attributes.Name("K6j-Spi-Version"), version);
            }
            Path jar = jar(moduleDir.resolve("target/classes"), manifest, jars.resolve(module[1] + ".jar"));
            install.addArtifact(artifact(module[1], "jar", jar));
            install.addArtifact(artifact(module[1], "pom", moduleDir.resolve("pom.xml")));
        }
        try (Context context = Runtimes.INSTANCE.getRuntime().create(ContextOverrides.create()
                .withLocalRepositoryOverride(repository).offline(true).build())) {
            context.repositorySystem().install(context.repositorySystemSession(), install);
        } catch (org.eclipse.aether.installation.InstallationException e) {
            throw new IOException(e);
        }
    }

    private Artifact artifact(String artifactId, String extension, Path file) {
        return new DefaultArtifact("dev.k6j", artifactId, extension, version).setFile(file.toFile());
    }

    /** A jar of a classes folder. */
    static Path jar(Path classes, Manifest manifest, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A copy of {@code jar} with manifest attributes set (the others kept). */
    static Path withManifest(Path jar, Path copy, Map<String, String> attributes) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            attributes.forEach((k, v) -> manifest.getMainAttributes().put(new Attributes.Name(k), v));
            try (OutputStream file = Files.newOutputStream(copy); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry : in.stream()
                        .filter(e -> !e.getName().equals(JarFile.MANIFEST_NAME)).toList()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return copy;
    }

    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** The second extension of the tests: an output that counts samples and prints the count when it stops. */
    static final class CounterOutput {

        static Path build(Path dir) throws IOException {
            Path sources = Files.createDirectories(dir.resolve("src/com/acme/counter"));
            Files.writeString(sources.resolve("CounterOutputFactory.java"), """
                    package com.acme.counter;
                    import dev.k6j.spi.*;
                    import java.util.List;
                    import java.util.concurrent.atomic.AtomicLong;
                    public final class CounterOutputFactory implements OutputFactory {
                        public String name() { return "counter"; }
                        public Output create(OutputParams params) {
                            AtomicLong count = new AtomicLong();
                            return new Output() {
                                public String description() { return "counter"; }
                                public void start() { }
                                public void addMetricSamples(List<Sample> samples) { count.addAndGet(samples.size()); }
                                public void stop() { params.stdout().println("counter: " + count.get() + " samples"); }
                            };
                        }
                    }
                    """);
            Path classes = Files.createDirectories(dir.resolve("classes"));
            int result = ToolProvider.getSystemJavaCompiler().run(null, null, System.err, "-d", classes.toString(),
                    "-classpath", System.getProperty("java.class.path"), "-proc:none",
                    sources.resolve("CounterOutputFactory.java").toString());
            if (result != 0) {
                throw new IOException("compiling the counter output failed");
            }
            Path services = Files.createDirectories(classes.resolve("META-INF/services"));
            Files.writeString(services.resolve("dev.k6j.spi.OutputFactory"), "com.acme.counter.CounterOutputFactory\n");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "2.0.0");
            manifest.getMainAttributes().put(new Attributes.Name("K6j-Spi-Requires"), "[0.1,0.2)");
            return jar(classes, manifest, dir.resolve("counter-output.jar"));
        }
    }

    /** Environment for a bundle run that needs no JIT (faster start on a busy 2-core machine). */
    static Map<String, String> interpreter() {
        Map<String, String> env = new HashMap<>();
        env.put("K6J_JS_RUNTIME", "interpreter");
        return env;
    }
}
