package dev.k6j.spi;

import java.util.List;
import java.util.Map;

/** An {@link Output} that wants the test's thresholds (metric name to threshold expressions). */
public interface WithThresholds {

    /** Called once before {@link Output#start()}. */
    void setThresholds(Map<String, List<String>> thresholds);
}
