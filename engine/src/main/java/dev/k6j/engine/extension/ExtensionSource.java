package dev.k6j.engine.extension;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Names where a provider class came from, for messages and {@code k6j version}: {@code "built-in"} for the
 * engine's own classes, otherwise the file name of the jar (or folder) holding the class.
 */
final class ExtensionSource {

    static final String BUILT_IN = "built-in";

    private static final String ENGINE_PACKAGE = "dev.k6j.engine.";

    private ExtensionSource() {
    }

    /** Whether the class is one of the engine's own (it may then provide k6's built-in module names). */
    static boolean isEngine(Class<?> type) {
        return type.getName().startsWith(ENGINE_PACKAGE);
    }

    /** {@code "built-in"}, or the jar file name such as {@code "k6j-module-tcp-0.1.0.jar"}. */
    static String of(Class<?> type) {
        if (isEngine(type)) {
            return BUILT_IN;
        }
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        URL location = codeSource == null ? null : codeSource.getLocation();
        if (location == null) {
            return "unknown location";
        }
        try {
            Path fileName = Path.of(location.toURI()).getFileName();
            return fileName == null ? location.toString() : fileName.toString();
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return location.toString();
        }
    }

    /** {@code "acme.jar (com.acme.Foo)"}: where a provider came from, for error messages. */
    static String describe(Class<?> type) {
        return of(type) + " (" + type.getName() + ")";
    }
}
