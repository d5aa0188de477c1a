package dev.k6j.engine.output;

import dev.k6j.engine.errors.K6jException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The one-line errors for an {@code --out} name that this bundle doesn't have: k6's own outputs that k6j doesn't
 * ship, k6j's extension outputs that weren't bundled, and names nobody knows. Stateless; any thread.
 */
final class UnknownOutputs {

    /** Outputs built into k6 (or removed from it) that k6j does not offer. */
    private static final Set<String> K6_ONLY = Set.of(
            "influxdb", "cloud", "statsd", "datadog", "opentelemetry", "experimental-opentelemetry");

    /** k6j's own extension outputs, by {@code --out} name, with the bundler short name that adds each one. */
    private static final Map<String, String> BUNDLE_NAMES = Map.of(
            "experimental-prometheus-rw", "prometheus",
            "kafka", "kafka",
            "xk6-kafka", "kafka",
            "web-dashboard", "web-dashboard");

    private UnknownOutputs() {
    }

    /** The error for {@code name}, listing what {@code available} offers (sorted by the caller). */
    static K6jException error(String name, Collection<String> available) {
        String list = available.isEmpty() ? "none" : String.join(", ", available);
        if (K6_ONLY.contains(name)) {
            return K6jException.invalidConfig("the '" + name + "' output of k6 is not available in k6j:"
                    + " available outputs are " + list);
        }
        String with = BUNDLE_NAMES.get(name);
        if (with != null) {
            return K6jException.invalidConfig("unknown output '" + name + "': available outputs are " + list
                    + ". It is k6j's '" + with + "' extension; add it with: bundler build --with " + with);
        }
        return K6jException.invalidConfig("unknown output '" + name + "': available outputs are " + list
                + ". To add an output extension, bundle it (bundler build --with <group:artifact[:version]>) or drop"
                + " its jar into the plugins folder (--plugins-dir, K6J_PLUGINS_DIR)");
    }
}
