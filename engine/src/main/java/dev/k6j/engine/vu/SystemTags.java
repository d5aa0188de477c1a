package dev.k6j.engine.vu;

import java.util.Collection;
import java.util.Set;

/**
 * Which system tags samples carry ({@code systemTags} option). {@code vu} and {@code iter} go to metadata.
 *
 * @param names the enabled tag names
 */
public record SystemTags(Set<String> names) {

    /** k6's default set. */
    public static final SystemTags DEFAULT = new SystemTags(Set.of("proto", "subproto", "status", "method", "url",
            "name", "group", "check", "error", "error_code", "tls_version", "scenario", "service",
            "expected_response"));

    /** Every tag k6 knows as a system tag, default or opt-in. */
    public static final Set<String> ALL = Set.of("proto", "subproto", "status", "method", "url", "name", "group",
            "check", "error", "error_code", "tls_version", "scenario", "service", "expected_response", "vu", "iter",
            "ip", "ocsp_status");

    public static SystemTags of(Collection<String> names) {
        return new SystemTags(Set.copyOf(names));
    }

    public boolean enabled(String name) {
        return names.contains(name);
    }
}
