package dev.k6j.sinks;

/** Sums values. Owned by one thread (see {@link Sink}). */
public final class CounterSink implements Sink {

    private double sum;
    private long samples;

    @Override
    public void add(double value) {
        sum += value;
        samples++;
    }

    @Override
    public boolean isEmpty() {
        return samples == 0;
    }

    @Override
    public CounterValues values() {
        return new CounterValues(sum, samples);
    }
}
