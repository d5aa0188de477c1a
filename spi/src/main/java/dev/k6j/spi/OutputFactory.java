package dev.k6j.spi;

/**
 * Creates an {@link Output} for {@code --out <name>[=<config>]}. Register the class in
 * {@code META-INF/services/dev.k6j.spi.OutputFactory}.
 */
public interface OutputFactory {

    /** The name after {@code --out}, e.g. {@code "json"} or {@code "experimental-prometheus-rw"}. */
    String name();

    /** Other names that select this output too (for compatibility with k6 and xk6). */
    default java.util.Set<String> aliases() {
        return java.util.Set.of();
    }

    /**
     * Creates the output. Bad configuration is reported by throwing {@link IllegalArgumentException} with a
     * message for the user; the engine prints it and exits with the invalid-config code.
     */
    Output create(OutputParams params);

    /** The version shown by {@code k6j version}; by default the jar manifest's Implementation-Version. */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "(development)" : version;
    }
}
