package dev.k6j.sinks;

/** Keeps the last value, the smallest and the largest. Owned by one thread (see {@link Sink}). */
public final class GaugeSink implements Sink {

    private double value;
    private double min;
    // k6's GaugeSink starts max at 0 (so a gauge of only negative values shows max=0); kept for identical summaries.
    private double max;
    private long samples;

    @Override
    public void add(double newValue) {
        value = newValue;
        if (newValue > max) {
            max = newValue;
        }
        if (samples == 0 || newValue < min) {
            min = newValue;
        }
        samples++;
    }

    @Override
    public boolean isEmpty() {
        return samples == 0;
    }

    @Override
    public GaugeValues values() {
        return new GaugeValues(value, min, max, samples);
    }
}
