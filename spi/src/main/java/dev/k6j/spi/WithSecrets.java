package dev.k6j.spi;

/**
 * A {@link JsModule} that reads the test run's secrets, as {@code k6/secrets} does. {@code k6j run} hands it the
 * run's {@link Secrets} once, before any VU exists; a run without {@code --secret-source} hands it secrets whose
 * every lookup fails with a message naming the flag. Embedded runs that configure no secrets do not call it.
 */
public interface WithSecrets {

    /** Called once, before the first {@link JsModule#newInstance(Vu)}. */
    void setSecrets(Secrets secrets);
}
