package dev.k6j.engine.secrets;

import java.util.Map;
import java.util.Optional;

/**
 * Secrets from the process environment: the secret {@code key} is the variable {@code prefix + key}. Only the values
 * a script asks for become secrets (and are redacted), not the whole environment. Immutable.
 */
public final class EnvSecretSource implements SecretSource {

    private final String name;
    private final String prefix;
    private final Map<String, String> environment;

    public EnvSecretSource(String name, String prefix, Map<String, String> environment) {
        this.name = name;
        this.prefix = prefix;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(environment.get(prefix + key));
    }
}
