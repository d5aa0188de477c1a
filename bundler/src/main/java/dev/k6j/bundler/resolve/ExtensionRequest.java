package dev.k6j.bundler.resolve;

import dev.k6j.bundler.BundlerException;
import dev.k6j.bundler.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * One {@code --with} value, classified: a first-party short name ({@code tcp}), Maven coordinates
 * ({@code group:artifact[:version]}), or a local path (an extension jar, or the folder of its Maven project).
 */
public sealed interface ExtensionRequest {

    /** What the user typed. */
    String text();

    /** A k6j extension by short name, released with the engine. */
    record ShortName(String text, Catalog.Entry entry) implements ExtensionRequest {
    }

    /** Maven coordinates; {@code version} is {@code null} for "the latest release". */
    record Coordinates(String text, String groupId, String artifactId, String version) implements ExtensionRequest {
    }

    /** A jar file. */
    record LocalJar(String text, Path jar) implements ExtensionRequest {
    }

    /** A Maven project folder (with a pom.xml), built with {@code mvn package}. */
    record LocalProject(String text, Path folder) implements ExtensionRequest {
    }

    /** Classifies a {@code --with} value; paths are taken relative to {@code workingDirectory}. */
    static ExtensionRequest parse(String text, Path workingDirectory) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new BundlerException("--with needs a value: a short name (bundler list), group:artifact[:version],"
                    + " or the path of an extension jar or project");
        }
        Path path = workingDirectory.resolve(value).normalize();
        if (Files.isDirectory(path)) {
            if (!Files.isRegularFile(path.resolve("pom.xml"))) {
                throw new BundlerException("--with " + value + ": the folder " + path + " has no pom.xml; give a Maven"
                        + " project folder or an extension jar");
            }
            return new LocalProject(value, path);
        }
        if (Files.isRegularFile(path)) {
            if (!value.endsWith(".jar")) {
                throw new BundlerException("--with " + value + ": " + path + " is not a .jar file");
            }
            return new LocalJar(value, path);
        }
        if (value.endsWith(".jar") || value.contains("/") || value.contains("\\")) {
            throw new BundlerException("--with " + value + ": no such file or folder (" + path + ")");
        }
        if (value.contains(":")) {
            return coordinates(value, "--with");
        }
        return Catalog.find(value).<ExtensionRequest>map(entry -> new ShortName(value, entry))
                .orElseThrow(() -> new BundlerException("--with " + value + ": not a k6j extension name ("
                        + Catalog.entries().stream().map(Catalog.Entry::shortName).collect(Collectors.joining(", "))
                        + "; see bundler list); give other extensions as group:artifact[:version] or a path"));
    }

    /** {@code group:artifact[:version]}, or a {@link BundlerException} naming {@code flag}. */
    static Coordinates coordinates(String value, String flag) {
        String[] parts = value.split(":", -1);
        for (String part : parts) {
            if (part.isBlank()) {
                parts = null;
                break;
            }
        }
        if (parts == null || parts.length < 2 || parts.length > 3) {
            throw new BundlerException(flag + " " + value + ": write Maven coordinates as group:artifact[:version],"
                    + " e.g. com.example:k6j-greeting:1.0.0");
        }
        return new Coordinates(value, parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }
}
