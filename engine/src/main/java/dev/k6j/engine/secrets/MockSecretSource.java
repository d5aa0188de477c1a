package dev.k6j.engine.secrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * k6's {@code mock} source: the secrets are on the command line, {@code --secret-source=mock=KEY=VALUE,KEY=VALUE}.
 * Meant for trying scripts out and for tests, not for real secrets (they show in the process list). Immutable.
 */
final class MockSecretSource implements SecretSource {

    private final String name;
    private final Map<String, String> secrets;

    private MockSecretSource(String name, Map<String, String> secrets) {
        this.name = name;
        this.secrets = Map.copyOf(secrets);
    }

    /** {@code pairs} are {@code KEY=VALUE}; the value is everything after the first {@code =}. */
    static MockSecretSource of(String name, List<String> pairs) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("the mock source takes KEY=VALUE pairs, got '" + pair + "'");
            }
            secrets.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return new MockSecretSource(name, secrets);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(secrets.get(key));
    }
}
