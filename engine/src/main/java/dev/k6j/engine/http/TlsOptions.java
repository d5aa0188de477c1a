package dev.k6j.engine.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The TLS options of a test: {@code insecureSkipTLSVerify}, {@code tlsVersion} (one version or {@code {min, max}}),
 * {@code tlsCipherSuites} and {@code tlsAuth} client certificates. Immutable.
 *
 * @param insecureSkipVerify don't check server certificates
 * @param protocols          the JDK protocol names allowed, e.g. {@code TLSv1.2}; empty allows the JDK's defaults
 * @param cipherSuites       the cipher suites allowed (IANA names, as k6 and the JDK spell them); empty for defaults
 * @param clientCertificates {@code tlsAuth}: certificates to present, each for some domains
 */
public record TlsOptions(boolean insecureSkipVerify, List<String> protocols, List<String> cipherSuites,
                         List<ClientCertificate> clientCertificates) {

    /**
     * One {@code tlsAuth} entry.
     *
     * @param domains     host names it is presented to; empty means every host
     * @param certificate PEM certificate (chain)
     * @param key         PEM private key
     * @param password    the key's password, or {@code null}
     */
    public record ClientCertificate(List<String> domains, String certificate, String key, String password) {

        boolean appliesTo(String host) {
            if (domains.isEmpty()) {
                return true;
            }
            String lower = host.toLowerCase(Locale.ROOT);
            for (String domain : domains) {
                String d = domain.toLowerCase(Locale.ROOT);
                if (d.equals(lower) || (d.startsWith("*.") && lower.endsWith(d.substring(1)))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<String> ORDER = List.of("ssl3.0", "tls1.0", "tls1.1", "tls1.2", "tls1.3");

    static TlsOptions from(Map<String, Object> options) {
        return new TlsOptions(HttpOptions.bool(options, "insecureSkipTLSVerify"),
                protocols(options.get("tlsVersion")),
                List.copyOf(HttpOptions.strings(options.get("tlsCipherSuites"))),
                clientCertificates(options.get("tlsAuth")));
    }

    /** The client certificate to present to {@code host}, or {@code null}. */
    ClientCertificate clientCertificateFor(String host) {
        for (ClientCertificate certificate : clientCertificates) {
            if (certificate.appliesTo(host)) {
                return certificate;
            }
        }
        return null;
    }

    private static List<String> protocols(Object value) {
        if (value == null) {
            return List.of();
        }
        String min;
        String max;
        if (value instanceof Map<?, ?> range) {
            min = range.get("min") == null ? "tls1.0" : range.get("min").toString();
            max = range.get("max") == null ? "tls1.3" : range.get("max").toString();
        } else {
            min = value.toString();
            max = min;
        }
        int from = index(min);
        int to = index(max);
        List<String> result = new ArrayList<>();
        for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
            result.add(jdkName(ORDER.get(i)));
        }
        return List.copyOf(result);
    }

    private static int index(String k6Name) {
        int at = ORDER.indexOf(k6Name.trim().toLowerCase(Locale.ROOT));
        if (at < 0) {
            throw new IllegalArgumentException("tlsVersion: unknown TLS version '" + k6Name + "'; use one of "
                    + String.join(", ", ORDER));
        }
        return at;
    }

    private static String jdkName(String k6Name) {
        return k6Name.equals("ssl3.0") ? "SSLv3" : "TLSv" + k6Name.substring(3);
    }

    /** k6's name of a JDK protocol name: {@code TLSv1.3} becomes {@code tls1.3}. */
    static String k6Name(String jdkProtocol) {
        if (jdkProtocol == null) {
            return "";
        }
        if (jdkProtocol.startsWith("TLSv")) {
            return "tls" + jdkProtocol.substring(4);
        }
        return jdkProtocol.equals("SSLv3") ? "ssl3.0" : jdkProtocol.toLowerCase(Locale.ROOT);
    }

    private static List<ClientCertificate> clientCertificates(Object value) {
        List<ClientCertificate> result = new ArrayList<>();
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("tlsAuth must be an array of {domains, cert, key}");
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> entry) || entry.get("cert") == null || entry.get("key") == null) {
                throw new IllegalArgumentException("each tlsAuth entry needs cert and key (PEM text)");
            }
            result.add(new ClientCertificate(List.copyOf(HttpOptions.strings(entry.get("domains"))),
                    entry.get("cert").toString(), entry.get("key").toString(),
                    entry.get("password") == null ? null : entry.get("password").toString()));
        }
        return List.copyOf(result);
    }
}
