package dev.k6j.engine.run;

import dev.k6j.engine.segment.ExecutionTuple;
import dev.k6j.engine.segment.SegmentedIndex;

/**
 * Hands out VU numbers: {@code __VU} counts this instance's VUs from 1, {@code idInTest} is the VU's number across
 * all instances of a segmented test (the stripes of this instance's segment). k6's
 * {@code GetUniqueVUIdentifiers}. Thread-safe.
 */
final class VuIds {

    /** The two numbers of one VU. */
    record Ids(long inInstance, long inTest) {
    }

    private final SegmentedIndex index;

    VuIds(ExecutionTuple tuple) {
        this.index = new SegmentedIndex(tuple);
    }

    synchronized Ids next() {
        index.next();
        return new Ids(index.scaled(), index.unscaled());
    }
}
