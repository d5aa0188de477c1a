package dev.k6j.spi;

/**
 * The test run's secrets, from the sources the user configured with {@code --secret-source} (k6's secret sources).
 * A module receives them through {@link WithSecrets}.
 *
 * <p>Every value {@link #get} hands out is redacted from log lines from then on (the script's {@code console.*} and
 * {@link Vu#console()} alike, written as {@code ***SECRET_REDACTED***}): the engine does that, a module need not.
 *
 * <p>Threads: thread-safe. A lookup may wait for a secret server, so do not call it on a VU's thread.
 */
@FunctionalInterface
public interface Secrets {

    /**
     * The secret {@code key} of the source named {@code source}, or of the default source when {@code source} is
     * null. Throws a {@link RuntimeException} whose message is for the script's author when there is no such
     * source or key (or no source at all).
     */
    String get(String source, String key);
}
