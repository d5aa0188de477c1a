package dev.k6j.sinks;

/** Counts values and how many were non-zero. Owned by one thread (see {@link Sink}). */
public final class RateSink implements Sink {

    private long passes;
    private long total;

    @Override
    public void add(double value) {
        total++;
        if (value != 0) {
            passes++;
        }
    }

    @Override
    public boolean isEmpty() {
        return total == 0;
    }

    @Override
    public RateValues values() {
        return new RateValues(passes, total);
    }
}
