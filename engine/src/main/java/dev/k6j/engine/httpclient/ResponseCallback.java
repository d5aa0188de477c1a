package dev.k6j.engine.httpclient;

import java.util.List;

/**
 * What {@code http.expectedStatuses(...)} returns: which statuses count as expected, for {@code http_req_failed}
 * and the {@code expected_response} tag. k6 accepts only these as response callbacks. Immutable; any thread.
 */
public final class ResponseCallback {

    /** A range of statuses, both ends included. */
    public record Range(int min, int max) {
    }

    /** k6's default: 200 to 399. */
    public static final ResponseCallback DEFAULT = new ResponseCallback(List.of(new Range(200, 399)));

    private final List<Range> ranges;

    public ResponseCallback(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Whether a response with this status (0 for a failed request) was expected. */
    public boolean expected(int status) {
        for (Range range : ranges) {
            if (status >= range.min() && status <= range.max()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "expectedStatuses" + ranges;
    }
}
