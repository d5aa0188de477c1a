package dev.k6j.spi;

import java.util.function.Consumer;

/** An {@link Output} that may stop the test run (for example when its backend refuses the run). */
public interface WithTestRunStop {

    /** Called once before {@link Output#start()}; call the callback with the reason to stop the test. */
    void setTestRunStopCallback(Consumer<Throwable> stop);
}
