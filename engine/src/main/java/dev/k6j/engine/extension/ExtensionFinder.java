package dev.k6j.engine.extension;

/**
 * One way extensions come into the engine, in PF4J's style: the class path and bundle
 * ({@link ServiceLoaderFinder}), a plugins folder ({@link PluginFinder}), several at once
 * ({@link CompoundExtensionFinder}).
 *
 * <pre>{@code
 * try (ExtensionRegistry extensions = ExtensionRegistry.discover(new CompoundExtensionFinder(
 *         new ServiceLoaderFinder(Main.class.getClassLoader()), new PluginFinder(Path.of("plugins"))))) {
 *     ...
 * }
 * }</pre>
 *
 * <p>A finder may hold resources (class loaders of plugins) for as long as its extensions are used; the
 * {@link ExtensionRegistry} built from it closes it.
 */
public interface ExtensionFinder extends AutoCloseable {

    /**
     * Finds and instantiates the providers.
     *
     * @throws dev.k6j.engine.errors.K6jException invalid config, naming the jar, when a provider cannot be loaded
     *         or was built for another SPI version
     */
    FoundExtensions find();

    /** Releases what the found extensions needed (plugin class loaders). Never throws. */
    @Override
    default void close() {
    }
}
