package dev.k6j.spi;

/** An {@link Output} that wants to know how the run ended. */
public interface WithRunStatusUpdates {

    /** Called before {@link Output#stop()}, with the final status. */
    void setRunStatus(RunStatus status);
}
