package dev.k6j.engine.errors;

/** The process exit codes, as k6 defines them ({@code errext/exitcodes}). */
public enum ExitCode {
    SUCCESS(0),
    THRESHOLDS_FAILED(99),
    SETUP_TIMEOUT(100),
    TEARDOWN_TIMEOUT(101),
    GENERIC_TIMEOUT(102),
    SCRIPT_STOPPED_FROM_REST_API(103),
    INVALID_CONFIG(104),
    EXTERNAL_ABORT(105),
    CANNOT_START_REST_API(106),
    SCRIPT_EXCEPTION(107),
    SCRIPT_ABORTED(108),
    GENERIC_ENGINE(109),
    MARKED_AS_FAILED(110),
    /** k6's -1: an error with no code of its own, such as no test running for {@code status}. */
    GENERIC_ERROR(255);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
