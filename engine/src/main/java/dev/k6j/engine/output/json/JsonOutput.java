package dev.k6j.engine.output.json;

import dev.k6j.engine.output.ResultFileOutput;
import dev.k6j.spi.Sample;
import dev.k6j.spi.WithThresholds;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --out json[=file]}: every sample as one JSON line, each metric declared by a {@code Metric} line before
 * its first {@code Point} (see {@link JsonLines}), written every 200 ms as k6 does.
 *
 * <p>Threads: as {@link ResultFileOutput}; {@link #setThresholds} on the runner's thread before {@link #start}.
 */
public final class JsonOutput extends ResultFileOutput implements WithThresholds {

    private final JsonConfig config;
    private final ZoneId zone;

    private volatile Map<String, List<String>> thresholds = Map.of();
    private volatile Map<String, List<Submetric>> submetrics = Map.of();

    /** Metric names already declared; touched only by whichever thread is writing. */
    private final Set<String> declared = new HashSet<>();

    /**
     * @param zone the zone sample times are written in (k6 uses the machine's local zone)
     */
    public JsonOutput(JsonConfig config, Path workingDirectory, PrintStream stdout, ZoneId zone) {
        super("json", config.fileName(), config.flushPeriod(), workingDirectory, stdout);
        this.config = config;
        this.zone = zone;
    }

    @Override
    public String description() {
        return config.toStdout() ? "json(stdout)" : "json (" + config.fileName() + ")"; // k6's exact wording
    }

    @Override
    public void setThresholds(Map<String, List<String>> thresholds) {
        this.thresholds = Map.copyOf(thresholds);
        this.submetrics = Submetric.fromThresholds(thresholds.keySet());
    }

    @Override
    protected void appendSample(StringBuilder text, Sample sample) {
        String name = sample.metric().name();
        if (declared.add(name)) {
            JsonLines.appendMetric(text, sample.metric(), thresholds.getOrDefault(name, List.of()),
                    submetrics.getOrDefault(name, List.of()));
        }
        JsonLines.appendPoint(text, sample, zone);
    }
}
