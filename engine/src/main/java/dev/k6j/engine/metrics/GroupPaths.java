package dev.k6j.engine.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The group paths seen in samples' {@code group} tags, in order of first appearance, each parent before its
 * children ({@code ::a} before {@code ::a::b}). Owned by the ingester thread.
 */
final class GroupPaths {

    static final String SEPARATOR = "::";

    private final Set<String> seen = new HashSet<>();
    private final List<String> ordered = new ArrayList<>();

    /** Records a group path and its ancestors; the root {@code ""} is ignored. */
    void add(String path) {
        if (path.isEmpty() || seen.contains(path)) {
            return;
        }
        int last = path.lastIndexOf(SEPARATOR);
        if (last > 0) {
            add(path.substring(0, last));
        }
        seen.add(path);
        ordered.add(path);
    }

    List<String> snapshot() {
        return List.copyOf(ordered);
    }
}
