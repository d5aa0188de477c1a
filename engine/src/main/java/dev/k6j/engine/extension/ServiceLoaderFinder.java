package dev.k6j.engine.extension;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.OutputFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the providers a class loader sees through {@link ServiceLoader} ({@code META-INF/services/dev.k6j.spi.JsModule}
 * and {@code …OutputFactory}): the engine's built-ins, what the bundler merged into a bundle, and any extension jar
 * put on the class path. Checks each one's SPI range first (a bundle's from {@link BundleContents}, a jar's from
 * its manifest).
 */
public final class ServiceLoaderFinder implements ExtensionFinder {

    private final ClassLoader loader;

    public ServiceLoaderFinder(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public FoundExtensions find() {
        BundleContents bundle = BundleContents.read(loader);
        for (BundleContents.BundledExtension extension : bundle.extensions()) {
            SpiCompatibility.check("the extension " + extension.coordinates() + " in this bundle",
                    extension.spiRequires());
        }
        Origins origins = new Origins(bundle);
        return new FoundExtensions(load(JsModule.class, "JS module", origins),
                load(OutputFactory.class, "output", origins));
    }

    private <T> List<Found<T>> load(Class<T> type, String kind, Origins origins) {
        List<Found<T>> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<T> provider : ServiceLoader.load(type, loader).stream().toList()) {
                ExtensionOrigin origin = origins.of(provider.type());
                SpiCompatibility.check(origin.describe(), origin.spiRequires());
                try {
                    found.add(new Found<>(provider.get(), origin));
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    throw new K6jException(ExitCode.INVALID_CONFIG, "could not load the " + kind
                            + " extension " + origin.describe(provider.type()) + ": " + reason(e), e);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new K6jException(ExitCode.INVALID_CONFIG,
                    "could not load " + kind + " extensions: " + reason(e), e);
        }
        return found;
    }

    static String reason(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /** Origins of provider classes, with each jar's manifest read once. */
    private static final class Origins {
        private final BundleContents bundle;
        private final Map<Path, Optional<String>> spiRequiresByJar = new HashMap<>();

        Origins(BundleContents bundle) {
            this.bundle = bundle;
        }

        ExtensionOrigin of(Class<?> type) {
            if (ExtensionOrigin.isEngine(type)) {
                return ExtensionOrigin.BUILT_IN;
            }
            Optional<BundleContents.BundledExtension> bundled = bundle.providing(type.getName());
            if (bundled.isPresent()) {
                return new ExtensionOrigin(ExtensionOrigin.Kind.BUNDLE, bundled.get().coordinates(),
                        bundled.get().version(), bundled.get().spiRequires());
            }
            ExtensionOrigin plain = ExtensionOrigin.ofClass(type);
            String required = ExtensionOrigin.codeSource(type)
                    .flatMap(jar -> spiRequiresByJar.computeIfAbsent(jar, SpiCompatibility::declaredBy))
                    .orElse(null);
            return new ExtensionOrigin(plain.kind(), plain.location(), null, required);
        }
    }
}
