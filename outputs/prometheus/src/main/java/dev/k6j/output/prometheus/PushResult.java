package dev.k6j.output.prometheus;

/** How one push (one HTTP request, or a request with its retries) ended. Immutable. */
sealed interface PushResult {

    /** The endpoint took the series (a 2xx answer). */
    record Accepted(int status) implements PushResult {
    }

    /**
     * The push failed in a way worth retrying: no connection, a time-out, a 5xx or a 429 answer.
     *
     * @param reason for people, e.g. {@code "connection refused"} or {@code "HTTP 503: ..."}
     */
    record Failed(String reason) implements PushResult {
    }

    /**
     * The endpoint refused the series (a 4xx answer other than 429): sending them again would not help.
     *
     * @param status  the HTTP status
     * @param message the start of the answer's body
     */
    record Refused(int status, String message) implements PushResult {
    }
}
