package dev.k6j.output.prometheus;

import dev.k6j.spi.DeliveryReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What the output pushed and what it dropped, and why: the SPI's {@link DeliveryReport} with what remote-write adds
 * (requests, samples refused, replaced by newer values, or lost at the end), told in one line at the end.
 * A "sample" here is what remote-write calls one: one value (or histogram) of one Prometheus series at one time.
 *
 * <p>Threads: the output's flushing thread (and the stopping thread once the flusher has ended); the SPI's counts
 * from any thread.
 */
final class PushReport extends DeliveryReport {

    private long requests;
    private long refused;
    private String lastRefusal;
    private long superseded;
    private long lost;
    private String lostReason;

    /** One request the endpoint took, with its samples. */
    void pushed(int samples) {
        requests++;
        delivered(samples);
    }

    /** A push that failed; its samples go again with the next one. */
    void failed(String reason) {
        failed(0, reason);
    }

    void refused(int samples, PushResult.Refused refusal) {
        refused += samples;
        lastRefusal = "HTTP " + refusal.status() + (refusal.message().isEmpty() ? "" : ": " + refusal.message());
    }

    /** Sets how many points were replaced before delivery (from the series table) and how many never went. */
    void finish(long supersededSamples, long lostSamples, String reason) {
        superseded = supersededSamples;
        lost = lostSamples;
        lostReason = reason;
    }

    long failedPushes() {
        return failures();
    }

    long dropped() {
        return superseded + refused + lost;
    }

    /**
     * The closing line, e.g. {@code "pushed 420 samples of 12 series in 9 requests to http://…; dropped 24
     * samples: 24 replaced by newer values while pushes failed (connection refused)"}.
     */
    String summary(String url, long series) {
        StringBuilder line = new StringBuilder("pushed ").append(count(delivered())).append(" samples of ")
                .append(count(series)).append(" series in ").append(count(requests))
                .append(requests == 1 ? " request" : " requests").append(" to ").append(url)
                .append(" (from ").append(count(received())).append(" k6j samples); ");
        if (dropped() == 0) {
            line.append("none dropped");
            if (failedPushes() > 0) {
                line.append(" (").append(count(failedPushes())).append(" failed ")
                        .append(failedPushes() == 1 ? "push was" : "pushes were").append(" made up by later ones;")
                        .append(" last failure: ").append(lastFailure()).append(')');
            }
            return line.toString();
        }
        List<String> why = new ArrayList<>();
        if (superseded > 0) {
            why.add(count(superseded) + " replaced by newer values while pushes failed (" + count(failedPushes())
                    + " failed; last: " + lastFailure() + ")");
        }
        if (refused > 0) {
            why.add(count(refused) + " refused by the endpoint (last: " + lastRefusal + ")");
        }
        if (lost > 0) {
            why.add(count(lost) + " not delivered at the end (" + lostReason + ")");
        }
        line.append("dropped ").append(count(dropped())).append(" samples: ").append(String.join(", ", why));
        return line.toString();
    }
}
