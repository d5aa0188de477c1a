package dev.k6j.bundler;

import java.util.List;
import java.util.Optional;

/**
 * k6j's own extensions, by the short names {@code bundler build --with} accepts. They are released with the engine,
 * so their version is the engine's. Immutable.
 */
public final class Catalog {

    /**
     * One first-party extension.
     *
     * @param shortName   what follows {@code --with}, e.g. {@code tcp}
     * @param artifactId  its artifact in the group {@value #GROUP}
     * @param provides    what a script or the command line uses: {@code k6/x/tcp} or {@code --out kafka}
     * @param description one line
     */
    public record Entry(String shortName, String artifactId, String provides, String description) {

        /** {@code dev.k6j:k6j-module-tcp:<version>}. */
        public String coordinates(String version) {
            return GROUP + ":" + artifactId + ":" + version;
        }
    }

    /** The group of every k6j artifact. */
    public static final String GROUP = "dev.k6j";

    private static final List<Entry> ENTRIES = List.of(
            new Entry("tcp", "k6j-module-tcp", "k6/x/tcp", "raw TCP connections (xk6-tcp's API), on Netty"),
            new Entry("websockets", "k6j-module-websockets", "k6/x/websockets",
                    "WebSockets with k6/websockets' API, on Netty"),
            new Entry("grpc", "k6j-module-grpc", "k6/x/grpc", "gRPC calls with k6/net/grpc's API, on grpc-java"),
            new Entry("prometheus", "k6j-output-prometheus", "--out experimental-prometheus-rw",
                    "metrics to Prometheus remote-write (protobuf + snappy)"),
            new Entry("kafka", "k6j-output-kafka", "--out kafka", "metrics to a Kafka topic (JSON or Influx line protocol)"),
            new Entry("web-dashboard", "k6j-output-web-dashboard", "--out web-dashboard",
                    "k6's web dashboard: the run live in the browser, and a self-contained HTML report"));

    private Catalog() {
    }

    /** All entries, in {@code bundler list} order. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry of a short name. */
    public static Optional<Entry> find(String shortName) {
        return ENTRIES.stream().filter(e -> e.shortName().equals(shortName)).findFirst();
    }
}
