package dev.k6j.bundler.resolve;

import dev.k6j.bundler.BundlerException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@code --replace group:artifact=replacement}, as xk6's: wherever the dependency {@code group:artifact}
 * appears, the replacement is used instead. The replacement is coordinates with a version (the same artifact at
 * another version, or another artifact such as a fork) or a local jar or project.
 *
 * @param groupId    the replaced dependency's group
 * @param artifactId the replaced dependency's artifact
 * @param with       what replaces it, as an {@link ExtensionRequest} (coordinates, jar or project)
 */
public record Replacement(String groupId, String artifactId, ExtensionRequest with) {

    /** Parses {@code group:artifact=replacement}. */
    public static Replacement parse(String text, Path workingDirectory) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new BundlerException("--replace " + text + ": write group:artifact=group:artifact:version or"
                    + " group:artifact=path/to/jar-or-project");
        }
        String[] left = text.substring(0, eq).strip().split(":");
        if (left.length != 2 || left[0].isBlank() || left[1].isBlank()) {
            throw new BundlerException("--replace " + text + ": the left side is group:artifact, without a version");
        }
        String right = text.substring(eq + 1).strip();
        Path path = workingDirectory.resolve(right).normalize();
        ExtensionRequest with;
        if (Files.exists(path) || right.endsWith(".jar") || right.contains("/")) {
            with = ExtensionRequest.parse(right, workingDirectory);
        } else {
            ExtensionRequest.Coordinates coordinates = ExtensionRequest.coordinates(right, "--replace");
            if (coordinates.version() == null) {
                throw new BundlerException("--replace " + text + ": give the replacement's version, e.g. "
                        + right + ":1.2.3");
            }
            with = coordinates;
        }
        return new Replacement(left[0], left[1], with);
    }

    /** {@code group:artifact}. */
    public String key() {
        return groupId + ":" + artifactId;
    }
}
