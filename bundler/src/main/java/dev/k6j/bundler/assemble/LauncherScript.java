package dev.k6j.bundler.assemble;

import dev.k6j.bundler.BundlerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The shell script written beside a bundle jar ({@code my-k6j.jar} gets {@code my-k6j}): it finds a JDK 25 and
 * passes the JVM flags GraalJS needs, the JIT ones only when the bundle's Graal compiler matches the JDK's update
 * exactly (docs/runtime.md). Its JDK search is the repository's {@code bin/k6j-env.sh}, copied in.
 */
final class LauncherScript {

    /** A line every launcher carries, so the bundler overwrites its own launchers and nothing else. */
    static final String MARKER = "Written by k6j bundler; safe to overwrite with bundler build.";

    private LauncherScript() {
    }

    /** Where the launcher of {@code jar} goes: the jar's path without {@code .jar}. */
    static Path pathFor(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name + ".sh");
    }

    /** Fails if {@code launcher} exists and was not written by the bundler (it could be the repository's ./k6j). */
    static void checkWritable(Path launcher) {
        try {
            if (Files.exists(launcher) && (!Files.isRegularFile(launcher)
                    || !Files.readString(launcher, StandardCharsets.ISO_8859_1).contains(MARKER))) {
                throw new BundlerException("will not overwrite " + launcher + " with the bundle's launcher: it is not one"
                        + " the bundler wrote; choose another -o name");
            }
        } catch (IOException e) {
            throw new BundlerException("cannot read " + launcher + ": " + e.getMessage(), e);
        }
    }

    /**
     * The script that starts a one-file bundle named {@code name} ({@code @ID@} still to fill in with the bundle's id).
     */
    static String oneFile(String name, String graalVersion) throws IOException {
        return resource("one-file.sh")
                .replace("@RUN_ENGINE@", resource("run-engine.sh").strip())
                .replace("@K6J_ENV@", resource("k6j-env.sh").strip())
                .replace("@NAME@", name)
                .replace("@GRAAL@", graalVersion)
                .replace("@MARKER@", MARKER);
    }

    /**
     * Fails if {@code output} exists and is neither a jar nor a bundle the bundler wrote: {@code -o k6j} in the
     * repository must not replace its ./k6j script.
     */
    static void checkReplaceable(Path output) {
        if (!Files.isRegularFile(output)) {
            if (Files.exists(output)) {
                throw new BundlerException("will not write the bundle over " + output + ": it is a folder; choose"
                        + " another -o name");
            }
            return;
        }
        try (java.io.InputStream in = Files.newInputStream(output)) {
            byte[] head = in.readNBytes(4096);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("PK") && !text.contains(MARKER)) {
                throw new BundlerException("will not overwrite " + output + " with the bundle: it is not a jar or a"
                        + " bundle the bundler wrote; choose another -o name");
            }
        } catch (IOException e) {
            throw new BundlerException("cannot read " + output + ": " + e.getMessage(), e);
        }
    }

    static void write(Path launcher, String jarName, String graalVersion) throws IOException {
        String script = resource("launcher.sh")
                .replace("@RUN_ENGINE@", resource("run-engine.sh").strip())
                .replace("@K6J_ENV@", resource("k6j-env.sh").strip())
                .replace("@JAR@", jarName)
                .replace("@NAME@", launcher.getFileName().toString())
                .replace("@GRAAL@", graalVersion)
                .replace("@MARKER@", MARKER);
        Files.writeString(launcher, script);
        try {
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: run it with bash explicitly.
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LauncherScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the bundler jar lacks its resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
