package dev.k6j.engine.secrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * k6's {@code mock} source: the secrets are on the command line, {@code --secret-source=mock=KEY=VALUE,KEY=VALUE}.
 * Meant for trying scripts out and for tests, not for real secrets (they show in the process list).
 */
final class MockSecretSource {

    private MockSecretSource() {
    }

    /** {@code pairs} are {@code KEY=VALUE}; the value is everything after the first {@code =}. */
    static SecretSource of(String name, List<String> pairs) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("the mock source takes KEY=VALUE pairs, got '" + pair + "'");
            }
            secrets.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return new FixedSecretSource(name, secrets);
    }
}
