package dev.k6j.engine.executor;

import dev.k6j.engine.segment.ExecutionTuple;
import dev.k6j.engine.segment.SegmentedIndex;

/**
 * Numbers a scenario's iterations: the n-th of this instance ({@code iterationInInstance}) and its number across
 * all instances of a segmented test ({@code iterationInTest}), both from 0. Thread-safe.
 */
final class IterationCounters {

    /** The numbers of one iteration. */
    record Numbers(long inInstance, long inTest) {
    }

    private final SegmentedIndex index;

    IterationCounters(ExecutionTuple tuple) {
        this.index = new SegmentedIndex(tuple);
    }

    synchronized Numbers next() {
        index.next();
        return new Numbers(index.scaled() - 1, index.unscaled() - 1);
    }

    /** Iterations numbered so far. */
    synchronized long count() {
        return index.scaled();
    }
}
