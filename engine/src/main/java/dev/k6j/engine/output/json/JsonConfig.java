package dev.k6j.engine.output.json;

import dev.k6j.engine.output.ResultFiles;
import dev.k6j.spi.OutputParams;
import java.time.Duration;

/**
 * The {@code json} output's configuration. As in k6, the only option is the file name, given as the argument
 * ({@code --out json=results.json}); none or {@code -} writes to standard output, {@code .gz} compresses.
 * k6 reads no environment variables or config-file section for this output, and neither does k6j.
 *
 * @param fileName    the file to write, relative to the working directory; empty or {@code -} for stdout
 * @param flushPeriod how often buffered samples are written (k6: a fixed 200 ms)
 */
public record JsonConfig(String fileName, Duration flushPeriod) {

    /** k6's fixed flush period for the JSON output. */
    public static final Duration FLUSH_PERIOD = Duration.ofMillis(200);

    public JsonConfig {
        fileName = fileName == null ? "" : fileName;
        if (flushPeriod == null || flushPeriod.isNegative() || flushPeriod.isZero()) {
            throw new IllegalArgumentException("the json output's flush period must be positive");
        }
    }

    /** Reads the configuration from the {@code --out} argument. */
    public static JsonConfig from(OutputParams params) {
        return new JsonConfig(params.configArgument(), FLUSH_PERIOD);
    }

    /** Whether samples go to standard output. */
    public boolean toStdout() {
        return ResultFiles.isStdout(fileName);
    }
}
