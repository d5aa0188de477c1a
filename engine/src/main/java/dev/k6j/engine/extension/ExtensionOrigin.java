package dev.k6j.engine.extension;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Where a JS module or output came from, for messages and {@code k6j version}.
 *
 * @param kind        built into the engine, merged into a bundle by the bundler, a jar on the class path, or a
 *                    drop-in plugin jar
 * @param location    the extension's coordinates (bundle, on demand), or the jar's file name (class path) or path
 *                    (plugin); empty for built-ins
 * @param version     the version the bundle or the plugin's manifest recorded, or {@code null} when unknown
 * @param spiRequires the SPI range the jar declares ({@code K6j-Spi-Requires}), or {@code null}
 */
public record ExtensionOrigin(Kind kind, String location, String version, String spiRequires) {

    /** How an extension came in; {@code ON_DEMAND}: resolved from a Maven repository for this run. */
    public enum Kind { BUILT_IN, BUNDLE, CLASS_PATH, PLUGIN, ON_DEMAND }

    private static final String ENGINE_PACKAGE = "dev.k6j.engine.";

    /** The engine's own modules and outputs. */
    public static final ExtensionOrigin BUILT_IN = new ExtensionOrigin(Kind.BUILT_IN, "", null, null);

    /** {@code built-in}, {@code bundle com.acme:k6x-redis:1.2.0}, {@code k6x-redis.jar} or {@code plugin /…/plugins/k6x-redis.jar}. */
    public String describe() {
        return switch (kind) {
            case BUILT_IN -> "built-in";
            case BUNDLE -> "bundle " + location;
            case CLASS_PATH -> location;
            case PLUGIN -> "plugin " + location;
            case ON_DEMAND -> "on demand " + location;
        };
    }

    /** {@code "k6x-redis.jar (com.acme.Redis)"}: where a provider came from, naming its class, for error messages. */
    public String describe(Class<?> type) {
        return describe() + " (" + type.getName() + ")";
    }

    /** Whether the class is one of the engine's own (it may then provide k6's built-in module names). */
    static boolean isEngine(Class<?> type) {
        return type.getName().startsWith(ENGINE_PACKAGE);
    }

    /** The origin of a class found on the class path: built-in for the engine's, else its jar's file name. */
    static ExtensionOrigin ofClass(Class<?> type) {
        if (isEngine(type)) {
            return BUILT_IN;
        }
        return new ExtensionOrigin(Kind.CLASS_PATH, codeSource(type).map(ExtensionOrigin::fileName)
                .orElse("unknown location"), null, null);
    }

    /** The jar (or classes folder) holding the class, if the JVM says. */
    public static Optional<Path> codeSource(Class<?> type) {
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        URL location = codeSource == null ? null : codeSource.getLocation();
        if (location == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(location.toURI()));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
