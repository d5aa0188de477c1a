package dev.k6j.engine.cli;

import dev.k6j.engine.errors.K6jException;
import picocli.CommandLine.Option;

/**
 * Flags of {@code k6 run} that k6j accepts only to refuse them with one line saying what it does instead (exit 104),
 * so a k6 command line never fails with an unknown-flag error nor silently does something else; and the ones that
 * k6j accepts and needs to do nothing for.
 */
public final class UnsupportedRunFlags {

    @Option(names = "--rps", paramLabel = "N", description = "Not supported by k6j (see docs/scripting.md).")
    Long rps;

    @Option(names = "--local-ips", paramLabel = "RANGES", description = "Not supported by k6j (see docs/scripting.md).")
    String localIps;

    @Option(names = "--traces-output", paramLabel = "OUTPUT",
            description = "none only: k6j has no tracing output.")
    String tracesOutput;

    @Option(names = "--profiling-enabled", description = "Not supported by k6j (see docs/scripting.md).")
    boolean profilingEnabled;

    @Option(names = "--no-usage-report", description = "Accepted: k6j sends no usage report at all.")
    boolean noUsageReport;

    /** Stops with one line when a refused flag was given. */
    void refuse() {
        if (rps != null) {
            throw K6jException.invalidConfig("--rps is not supported by k6j: to hold a request rate, use a "
                    + "constant-arrival-rate or ramping-arrival-rate scenario (docs/scenarios.md)");
        }
        if (localIps != null) {
            throw K6jException.invalidConfig("--local-ips is not supported by k6j: connections leave from the source "
                    + "address the operating system picks; run one k6j per address to spread them");
        }
        if (tracesOutput != null && !tracesOutput.equals("none")) {
            throw K6jException.invalidConfig("--traces-output=" + tracesOutput + " is not supported by k6j: k6j has "
                    + "no tracing output (only none)");
        }
        if (profilingEnabled) {
            throw K6jException.invalidConfig("--profiling-enabled is not supported by k6j: k6j has no pprof "
                    + "endpoints; profile the JVM with Java Flight Recorder instead "
                    + "(K6J_JAVA_OPTS=-XX:StartFlightRecording=filename=k6j.jfr)");
        }
    }
}
