package dev.k6j.engine.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes and fails of every check, by group path and check name, in order of first appearance; fed from the
 * {@code checks} samples' {@code group} and {@code check} tags. Owned by the ingester thread.
 */
final class CheckTally {

    private record Key(String groupPath, String name) {
    }

    private final Map<Key, long[]> counts = new LinkedHashMap<>();

    void add(String groupPath, String name, boolean passed) {
        long[] passesAndFails = counts.computeIfAbsent(new Key(groupPath, name), k -> new long[2]);
        passesAndFails[passed ? 0 : 1]++;
    }

    List<CheckCount> snapshot() {
        List<CheckCount> checks = new ArrayList<>(counts.size());
        counts.forEach((key, value) -> checks.add(new CheckCount(key.groupPath(), key.name(), value[0], value[1])));
        return checks;
    }
}
