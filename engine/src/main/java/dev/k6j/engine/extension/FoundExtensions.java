package dev.k6j.engine.extension;

import dev.k6j.spi.JsModule;
import dev.k6j.spi.OutputFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What one or more {@link ExtensionFinder}s found: JS modules and output factories, each with its origin, in the
 * order found, and the plugins that could not be loaded. Checks (names, duplicates) happen when an
 * {@link ExtensionRegistry} is built from it.
 */
public record FoundExtensions(List<Found<JsModule>> modules, List<Found<OutputFactory>> outputs,
                              List<BrokenPlugin> broken) {

    public static final FoundExtensions NONE = new FoundExtensions(List.of(), List.of());

    public FoundExtensions {
        modules = List.copyOf(modules);
        outputs = List.copyOf(outputs);
        broken = List.copyOf(broken);
    }

    /** What was found, with nothing broken. */
    public FoundExtensions(List<Found<JsModule>> modules, List<Found<OutputFactory>> outputs) {
        this(modules, outputs, List.of());
    }

    /** These, then {@code more}. */
    public FoundExtensions plus(FoundExtensions more) {
        List<Found<JsModule>> allModules = new ArrayList<>(modules);
        allModules.addAll(more.modules);
        List<Found<OutputFactory>> allOutputs = new ArrayList<>(outputs);
        allOutputs.addAll(more.outputs);
        List<BrokenPlugin> allBroken = new ArrayList<>(broken);
        allBroken.addAll(more.broken);
        return new FoundExtensions(allModules, allOutputs, allBroken);
    }
}
