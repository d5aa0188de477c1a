package dev.k6j.engine.secrets;

import java.util.Map;
import java.util.Optional;

/**
 * Secrets known when the run starts, such as the {@code file} and {@code mock} sources read. Immutable.
 *
 * @param name    the source's name
 * @param secrets the values by key
 */
record FixedSecretSource(String name, Map<String, String> secrets) implements SecretSource {

    FixedSecretSource {
        secrets = Map.copyOf(secrets);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(secrets.get(key));
    }
}
