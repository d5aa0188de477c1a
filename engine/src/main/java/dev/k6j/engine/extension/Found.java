package dev.k6j.engine.extension;

/**
 * One provider found by an {@link ExtensionFinder}, with where it came from.
 *
 * @param extension the {@link dev.k6j.spi.JsModule} or {@link dev.k6j.spi.OutputFactory}
 * @param origin    where it came from
 */
public record Found<T>(T extension, ExtensionOrigin origin) {

    /** {@code "k6x-redis.jar (com.acme.Redis)"}, for error messages. */
    public String describe() {
        return origin.describe(extension.getClass());
    }
}
