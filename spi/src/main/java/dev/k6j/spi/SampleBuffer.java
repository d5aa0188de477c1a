package dev.k6j.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread-safe buffer between {@link Output#addMetricSamples} (engine thread) and an output's own
 * delivery thread, which takes everything with {@link #drain()}.
 */
public final class SampleBuffer {

    private List<Sample> samples = new ArrayList<>();

    /** Adds samples. Never blocks for long. */
    public synchronized void add(List<Sample> more) {
        samples.addAll(more);
    }

    /** Takes all buffered samples, leaving the buffer empty. */
    public List<Sample> drain() {
        List<Sample> taken;
        synchronized (this) {
            taken = samples;
            samples = new ArrayList<>(Math.max(16, taken.size()));
        }
        return taken;
    }

    /** How many samples wait. */
    public synchronized int size() {
        return samples.size();
    }
}
