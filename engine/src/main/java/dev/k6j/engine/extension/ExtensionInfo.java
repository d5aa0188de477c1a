package dev.k6j.engine.extension;

/**
 * One discovered extension, as {@code k6j version} lists it.
 *
 * @param name    the module name ({@code k6/x/tcp}) or the {@code --out} name ({@code json})
 * @param kind    {@code "js"} or {@code "output"}
 * @param version the provider's version, e.g. {@code 1.2.0} or {@code (development)}
 * @param source  where it came from: {@code built-in}, {@code bundle <coordinates>}, a jar file name, or
 *                {@code plugin <jar path>} (see {@link ExtensionOrigin#describe()})
 */
public record ExtensionInfo(String name, String kind, String version, String source) {

    /** The kind of a JavaScript module. */
    public static final String JS = "js";

    /** The kind of a metric output. */
    public static final String OUTPUT = "output";
}
