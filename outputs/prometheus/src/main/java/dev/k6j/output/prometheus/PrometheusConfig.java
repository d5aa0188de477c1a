package dev.k6j.output.prometheus;

import dev.k6j.spi.OutputParams;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code experimental-prometheus-rw} output's configuration, with k6's names and defaults. Read by
 * {@link #from(OutputParams)} from, in increasing precedence: the defaults, the {@code --config} file's
 * {@code collectors.experimental-prometheus-rw} object, the {@code K6_PROMETHEUS_RW_*} environment variables, and
 * the {@code --out experimental-prometheus-rw=<argument>} (a URL, or k6's {@code key=value,...} form). Immutable.
 *
 * @param url                    the remote-write endpoint
 * @param headers                extra HTTP headers sent with every request
 * @param username               basic-auth user; basic auth is used when it is set
 * @param password               basic-auth password
 * @param bearerToken            sent as {@code Authorization: Bearer <token>} (wins over basic auth)
 * @param clientCertificate      a PEM client certificate (chain) for mutual TLS
 * @param clientCertificateKey   the PEM private key of {@link #clientCertificate}
 * @param insecureSkipTlsVerify  whether the server's certificate and host name go unchecked
 * @param tlsMinVersion          {@code 1.2} or {@code 1.3} (k6's default)
 * @param pushInterval           how often the series are pushed
 * @param trendStats             the stats sent for each trend, when trends are not native histograms
 * @param trendAsNativeHistogram whether trends are sent as native histograms
 * @param staleMarkers           whether every series is marked stale when the test ends
 * @param requestTimeout         how long one HTTP request may take (k6: a fixed 5 s)
 * @param sigV4                  AWS SigV4 signing of every request (Amazon Managed Service for Prometheus), if set
 */
public record PrometheusConfig(
        URI url,
        Map<String, String> headers,
        Optional<String> username,
        Optional<String> password,
        Optional<String> bearerToken,
        Optional<Path> clientCertificate,
        Optional<Path> clientCertificateKey,
        boolean insecureSkipTlsVerify,
        String tlsMinVersion,
        Duration pushInterval,
        List<TrendStat> trendStats,
        boolean trendAsNativeHistogram,
        boolean staleMarkers,
        Duration requestTimeout,
        Optional<SigV4Signer> sigV4) {

    /** k6's default endpoint. */
    public static final String DEFAULT_URL = "http://localhost:9090/api/v1/write";
    /** k6's default push interval. */
    public static final Duration DEFAULT_PUSH_INTERVAL = Duration.ofSeconds(5);
    /** k6's fixed HTTP timeout. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** The settings without secrets (password, bearer token, SigV4 secret key), for messages. */
    @Override
    public String toString() {
        return "PrometheusConfig[url=" + url + ", headers=" + headers.keySet() + ", username=" + username.orElse("")
                + (password.isPresent() ? ", password=***" : "") + (bearerToken.isPresent() ? ", bearerToken=***" : "")
                + ", clientCertificate=" + clientCertificate.map(Path::toString).orElse("") + ", insecureSkipTlsVerify="
                + insecureSkipTlsVerify + ", tlsMinVersion=" + tlsMinVersion + ", pushInterval=" + pushInterval
                + ", trendStats=" + trendStats.stream().map(TrendStat::name).toList() + ", trendAsNativeHistogram="
                + trendAsNativeHistogram + ", staleMarkers=" + staleMarkers + ", sigV4=" + sigV4.map(Object::toString)
                .orElse("none") + "]";
    }

    public PrometheusConfig {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        trendStats = List.copyOf(trendStats);
    }

    /**
     * Reads and checks the configuration.
     *
     * @throws IllegalArgumentException with a message for the user, naming the setting that is wrong
     */
    public static PrometheusConfig from(OutputParams params) {
        ConfigValues values = ConfigValues.defaults();
        values.apply(params);
        return values.toConfig(params.workingDirectory());
    }
}
