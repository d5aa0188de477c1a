package dev.k6j.bundler.resolve;

import java.nio.file.Path;

/**
 * One artifact that goes into a bundle.
 *
 * @param groupId    its group; empty for a bare jar given by path
 * @param artifactId its artifact; the file name for a bare jar
 * @param version    its version; empty for a bare jar
 * @param file       the jar, or a classes folder (a checkout's module)
 * @param root       what brought it in: {@code engine}, or the {@code --with}/{@code --replace} value
 */
public record ResolvedArtifact(String groupId, String artifactId, String version, Path file, String root) {

    /** {@code group:artifact:version}, or the file name of a bare jar. */
    public String coordinates() {
        return groupId.isEmpty() ? artifactId : groupId + ":" + artifactId + ":" + version;
    }

    /** {@code group:artifact}. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    /** GraalJS, Truffle and their parts: kept as separate jars in {@code lib/}, never merged. */
    public boolean isGraal() {
        return groupId.equals("org.graalvm") || groupId.startsWith("org.graalvm.");
    }

    /** A short label for listings: {@code jackson-databind 2.20.1}. */
    public String label() {
        return version.isEmpty() ? artifactId : artifactId + " " + version;
    }
}
