package dev.k6j.engine.extension;

import dev.k6j.spi.JsModule;
import dev.k6j.spi.OutputFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What one or more {@link ExtensionFinder}s found: JS modules and output factories, each with its origin, in the
 * order found. Checks (names, duplicates) happen when an {@link ExtensionRegistry} is built from it.
 */
public record FoundExtensions(List<Found<JsModule>> modules, List<Found<OutputFactory>> outputs) {

    public static final FoundExtensions NONE = new FoundExtensions(List.of(), List.of());

    public FoundExtensions {
        modules = List.copyOf(modules);
        outputs = List.copyOf(outputs);
    }

    /** These, then {@code more}. */
    public FoundExtensions plus(FoundExtensions more) {
        List<Found<JsModule>> allModules = new ArrayList<>(modules);
        allModules.addAll(more.modules);
        List<Found<OutputFactory>> allOutputs = new ArrayList<>(outputs);
        allOutputs.addAll(more.outputs);
        return new FoundExtensions(allModules, allOutputs);
    }
}
