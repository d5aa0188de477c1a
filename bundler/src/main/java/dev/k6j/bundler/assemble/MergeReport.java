package dev.k6j.bundler.assemble;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a merge found: how many entries went in, and every class or resource that two inputs had with different
 * bytes (the first input's copy was kept). Immutable.
 *
 * @param entries    entries written
 * @param duplicates differing duplicates, in the order met
 */
public record MergeReport(int entries, List<Duplicate> duplicates) {

    public MergeReport {
        duplicates = List.copyOf(duplicates);
    }

    /**
     * A class or resource present in two inputs with different content.
     *
     * @param name    the entry, e.g. {@code com/acme/Util.class}
     * @param kept    the input whose copy is in the bundle
     * @param dropped the input whose copy was left out
     */
    public record Duplicate(String name, String kept, String dropped) {

        public boolean isClass() {
            return name.endsWith(".class");
        }
    }

    /**
     * One line per pair of inputs: {@code 3 classes in both a and b (a's kept), e.g. com/x/Y.class}. Empty when there
     * are no duplicates.
     */
    public List<String> summary() {
        Map<String, List<Duplicate>> byPair = new LinkedHashMap<>();
        for (Duplicate duplicate : duplicates) {
            byPair.computeIfAbsent(duplicate.kept() + "\u0000" + duplicate.dropped(), k -> new java.util.ArrayList<>())
                    .add(duplicate);
        }
        return byPair.values().stream().map(list -> {
            long classes = list.stream().filter(Duplicate::isClass).count();
            long resources = list.size() - classes;
            Duplicate first = list.getFirst();
            String what = (classes > 0 ? classes + " class" + (classes == 1 ? "" : "es") : "")
                    + (classes > 0 && resources > 0 ? " and " : "")
                    + (resources > 0 ? resources + " resource" + (resources == 1 ? "" : "s") : "");
            return what + " in both " + first.kept() + " and " + first.dropped() + " differ (" + first.kept()
                    + "'s kept), e.g. " + first.name();
        }).toList();
    }
}
