package dev.k6j.engine.httpclient;

import dev.k6j.spi.PemKeys;
import dev.k6j.spi.TlsSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the TLS options of a test ({@code insecureSkipTLSVerify}, {@code tlsVersion} as one version or
 * {@code {min, max}}, {@code tlsCipherSuites}, {@code tlsAuth}) into the SPI's {@link TlsSettings}, which HTTP and
 * the protocol extensions share. Client keys come out in PKCS#8 form. Stateless.
 */
public final class TlsOptions {

    private TlsOptions() {
    }

    private static final List<String> ORDER = List.of("ssl3.0", "tls1.0", "tls1.1", "tls1.2", "tls1.3");

    /** The TLS options among a test's consolidated options; a bad value throws IllegalArgumentException. */
    public static TlsSettings from(Map<String, Object> options) {
        return new TlsSettings(HttpOptions.bool(options, "insecureSkipTLSVerify"),
                protocols(options.get("tlsVersion")),
                List.copyOf(HttpOptions.strings(options.get("tlsCipherSuites"))),
                clientCertificates(options.get("tlsAuth")));
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

    private static List<TlsSettings.ClientCertificate> clientCertificates(Object value) {
        List<TlsSettings.ClientCertificate> result = new ArrayList<>();
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
            result.add(new TlsSettings.ClientCertificate(List.copyOf(HttpOptions.strings(entry.get("domains"))),
                    entry.get("cert").toString(), pkcs8(entry.get("key").toString()),
                    entry.get("password") == null ? null : entry.get("password").toString()));
        }
        return List.copyOf(result);
    }

    /** A tlsAuth key in PKCS#8, which Netty reads, from any of the forms Go reads (k6 takes them all). */
    private static String pkcs8(String key) {
        try {
            return PemKeys.toPkcs8(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tlsAuth key: " + e.getMessage(), e);
        }
    }
}
