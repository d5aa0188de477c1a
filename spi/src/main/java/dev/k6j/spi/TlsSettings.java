package dev.k6j.spi;

import java.util.List;
import java.util.Locale;

/**
 * The test's TLS options ({@code insecureSkipTLSVerify}, {@code tlsVersion}, {@code tlsCipherSuites},
 * {@code tlsAuth}), parsed and checked once by the engine, for modules that open TLS connections of their own.
 * Immutable.
 *
 * <pre>{@code
 * TlsSettings tls = vu.testRun().tls();
 * SslContextBuilder builder = SslContextBuilder.forClient();           // Netty, or any TLS stack
 * if (tls.insecureSkipVerify()) builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
 * if (!tls.protocols().isEmpty()) builder.protocols(tls.protocols());
 * TlsSettings.ClientCertificate cert = tls.clientCertificateFor(host);
 * if (cert != null) builder.keyManager(pemStream(cert.certificate()), pemStream(cert.key()), cert.password());
 * }</pre>
 *
 * @param insecureSkipVerify don't check server certificates (nor host names)
 * @param protocols          the JDK protocol names allowed, e.g. {@code TLSv1.2}; empty allows the JDK's defaults
 * @param cipherSuites       the cipher suites allowed (IANA names, as k6 and the JDK spell them); empty for defaults
 * @param clientCertificates {@code tlsAuth}: certificates to present, each for some domains
 */
public record TlsSettings(boolean insecureSkipVerify, List<String> protocols, List<String> cipherSuites,
                          List<ClientCertificate> clientCertificates) {

    /** No options set: verify certificates, JDK defaults, no client certificate. */
    public static final TlsSettings DEFAULTS = new TlsSettings(false, List.of(), List.of(), List.of());

    public TlsSettings {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        clientCertificates = List.copyOf(clientCertificates);
    }

    /**
     * One {@code tlsAuth} entry.
     *
     * @param domains     host names it is presented to ({@code *.example.com} allowed); empty means every host
     * @param certificate PEM certificate (chain)
     * @param key         PEM private key in PKCS#8 form ({@code BEGIN PRIVATE KEY} or {@code BEGIN ENCRYPTED PRIVATE KEY})
     * @param password    the key's password, or {@code null}
     */
    public record ClientCertificate(List<String> domains, String certificate, String key, String password) {

        public ClientCertificate {
            domains = List.copyOf(domains);
        }

        /** Whether this certificate is presented to {@code host}. */
        public boolean appliesTo(String host) {
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

    /** The client certificate to present to {@code host}, or {@code null}. */
    public ClientCertificate clientCertificateFor(String host) {
        for (ClientCertificate certificate : clientCertificates) {
            if (certificate.appliesTo(host)) {
                return certificate;
            }
        }
        return null;
    }
}
