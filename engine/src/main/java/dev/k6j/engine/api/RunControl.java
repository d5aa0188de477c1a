package dev.k6j.engine.api;

/**
 * What the REST API may see and change of a running test. Implemented by the test runner.
 *
 * <p>Threads: called from the REST API's request threads, concurrently with the test.
 */
public interface RunControl {

    /** The test's status now. */
    Status status();

    /**
     * Pauses or resumes the test.
     *
     * @throws ControlException with k6's message when the test can't be paused now
     */
    void setPaused(boolean paused) throws ControlException, InterruptedException;

    /**
     * Changes the VUs of the (first) externally-controlled scenario; {@code null} leaves a value as it is.
     *
     * @throws ControlException with k6's message when there is no such scenario or the values are invalid
     */
    void scale(Long vus, Long maxVus) throws ControlException, InterruptedException;

    /** Stops the test as {@code exec.test.abort()} would, with exit code 103. */
    void stop();

    /** A change the test refuses; {@code title} is the JSON:API error's title, {@code badRequest} its HTTP status. */
    final class ControlException extends Exception {
        private final String title;
        private final boolean badRequest;

        public ControlException(String title, String message, boolean badRequest) {
            super(message);
            this.title = title;
            this.badRequest = badRequest;
        }

        public String title() {
            return title;
        }

        public int httpStatus() {
            return badRequest ? 400 : 500;
        }
    }
}
