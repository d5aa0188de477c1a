package dev.k6j.sinks;

/**
 * Where a trend sink keeps its values to answer percentiles. Mutated by its sink's thread only; copies made by
 * {@link #frozenCopy()} are never mutated and may be read by any thread.
 */
interface TrendDistribution {

    /** Adds one value. */
    void add(double value);

    /** How many values were added. */
    long count();

    /**
     * The value at a 0-based rank in ascending order (0 is the smallest), exactly or within the precision the
     * distribution keeps.
     */
    double valueAtRank(long rank);

    /** A copy that will not change; cheap enough to take every few seconds. */
    TrendDistribution frozenCopy();
}
