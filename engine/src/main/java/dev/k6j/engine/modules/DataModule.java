package dev.k6j.engine.modules;

import dev.k6j.spi.Vu;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/data} module: {@code SharedArray}, built once per test run from the first VU's callback and shared
 * read-only by all VUs. Elements are kept as JSON text and parsed on access, so each VU gets its own copy
 * (as in k6) and memory holds the data once.
 */
public final class DataModule extends GlueModule {

    public DataModule() {
        // name → elements as JSON; shared by all VUs.
        ConcurrentHashMap<String, List<String>> arrays = new ConcurrentHashMap<>();
        super("k6/data", "data.js", vu -> new Host(vu, arrays));
    }

    /** Per-VU host of k6/data. VU thread only; the shared map is thread-safe. */
    public static final class Host {
        private final Vu vu;
        private final ConcurrentHashMap<String, List<String>> arrays;

        Host(Vu vu, ConcurrentHashMap<String, List<String>> arrays) {
            this.vu = vu;
            this.arrays = arrays;
        }

        @HostAccess.Export
        public boolean initStage() {
            return vu.state().inInitStage();
        }

        /** The elements of a shared array, building them with {@code build} the first time (once per run). */
        @HostAccess.Export
        public SharedElements get(String name, Value build) {
            List<String> elements = arrays.computeIfAbsent(name, key -> {
                Value json = build.execute();
                int size = (int) json.getArraySize();
                String[] items = new String[size];
                for (int i = 0; i < size; i++) {
                    items[i] = json.getArrayElement(i).asString();
                }
                return List.of(items);
            });
            return new SharedElements(elements);
        }
    }

    /** Read-only elements of one shared array as JSON text. Thread-safe (immutable). */
    public static final class SharedElements {
        private final List<String> elements;

        SharedElements(List<String> elements) {
            this.elements = elements;
        }

        @HostAccess.Export
        public int size() {
            return elements.size();
        }

        @HostAccess.Export
        public String json(int index) {
            return elements.get(index);
        }
    }
}
