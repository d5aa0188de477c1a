package dev.k6j.engine.extension;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a third-party extension jar in a test's temp folder, as PF4J's tests do: Java sources compiled against
 * the SPI, a services file, a manifest version. No binaries are committed.
 *
 * <pre>{@code
 * Path jar = ExtensionJar.named("acme.jar")
 *         .source("com.acme.AcmeOutputFactory", "package com.acme; public class AcmeOutputFactory implements ...")
 *         .service("dev.k6j.spi.OutputFactory", "com.acme.AcmeOutputFactory")
 *         .build(tempDir);
 * }</pre>
 */
public final class ExtensionJar {

    private final String fileName;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final List<Path> classpath = new ArrayList<>();

    private ExtensionJar(String fileName) {
        this.fileName = fileName;
    }

    public static ExtensionJar named(String fileName) {
        return new ExtensionJar(fileName);
    }

    public ExtensionJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    public ExtensionJar service(String spiInterface, String providerClass) {
        services.computeIfAbsent(spiInterface, k -> new ArrayList<>()).add(providerClass);
        return this;
    }

    public ExtensionJar version(String implementationVersion) {
        return manifest(Attributes.Name.IMPLEMENTATION_VERSION.toString(), implementationVersion);
    }

    /** A main attribute of the jar's manifest, e.g. {@code K6j-Spi-Requires} or {@code Plugin-Id}. */
    public ExtensionJar manifest(String attribute, String value) {
        manifest.put(attribute, value);
        return this;
    }

    /** A file copied into the jar as it is (e.g. a class file of another jar). */
    public ExtensionJar resource(String path, byte[] content) {
        resources.put(path, content);
        return this;
    }

    /** Another jar to compile against (e.g. a library this extension shades in). */
    public ExtensionJar compileAgainst(Path jar) {
        classpath.add(jar);
        return this;
    }

    /** Compiles the sources and writes the jar into {@code dir}. */
    public Path build(Path dir) throws IOException {
        Path work = Files.createTempDirectory(dir, "src-");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", compileClasspath(classpath),
                "-proc:none", "-implicit:none"));
        args.addAll(files);
        int result = javac.run(null, null, System.err, args.toArray(String[]::new));
        if (result != 0) {
            throw new IllegalStateException("compiling the test extension failed");
        }
        Path jar = dir.resolve(fileName);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        this.manifest.forEach((name, value) -> manifest.getMainAttributes().put(new Attributes.Name(name), value));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
            for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                jarOut.putNextEntry(new JarEntry(resource.getKey()));
                jarOut.write(resource.getValue());
                jarOut.closeEntry();
            }
            for (Map.Entry<String, List<String>> service : services.entrySet()) {
                jarOut.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
                jarOut.write((String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    /** A class loader that sees the given jars and, through its parent, the engine and its built-ins. */
    public static URLClassLoader loaderOf(Path... jars) throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, ExtensionJar.class.getClassLoader());
    }

    private static String compileClasspath(List<Path> extra) {
        List<String> entries = new ArrayList<>();
        extra.forEach(jar -> entries.add(jar.toString()));
        entries.add(locationOf(dev.k6j.spi.Output.class));
        entries.add(locationOf(org.graalvm.polyglot.Context.class));
        entries.add(System.getProperty("java.class.path"));
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
