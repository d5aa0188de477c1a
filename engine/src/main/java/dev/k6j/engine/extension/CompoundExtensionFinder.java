package dev.k6j.engine.extension;

import java.util.List;

/** Several finders as one: their results in order, closed together. */
public final class CompoundExtensionFinder implements ExtensionFinder {

    private final List<ExtensionFinder> finders;

    public CompoundExtensionFinder(ExtensionFinder... finders) {
        this(List.of(finders));
    }

    public CompoundExtensionFinder(List<ExtensionFinder> finders) {
        this.finders = List.copyOf(finders);
    }

    @Override
    public FoundExtensions find() {
        FoundExtensions all = FoundExtensions.NONE;
        for (ExtensionFinder finder : finders) {
            all = all.plus(finder.find());
        }
        return all;
    }

    @Override
    public void close() {
        finders.forEach(ExtensionFinder::close);
    }
}
