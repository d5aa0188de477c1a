package dev.k6j.engine.secrets;

import java.util.Optional;

/** One named source of secrets. Implementations are thread-safe: every VU may ask at once. */
public interface SecretSource {

    /** The name scripts use in {@code secrets.source(name)}. */
    String name();

    /** The secret called {@code key}, if this source has it. */
    Optional<String> get(String key);
}
