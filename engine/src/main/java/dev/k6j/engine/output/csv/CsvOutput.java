package dev.k6j.engine.output.csv;

import dev.k6j.engine.output.ResultFileOutput;
import dev.k6j.spi.Sample;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * {@code --out csv[=file|key=value,…]}: one row per sample under k6's header (see {@link CsvColumns} and
 * {@link CsvRows}), written every {@code saveInterval}.
 *
 * <p>Threads: as {@link ResultFileOutput}.
 */
public final class CsvOutput extends ResultFileOutput {

    private final CsvConfig config;
    private final CsvColumns columns;
    private final ZoneId zone;

    /**
     * @param zone the zone {@code rfc3339} timestamps are written in (k6 uses the machine's local zone)
     */
    public CsvOutput(CsvConfig config, CsvColumns columns, Path workingDirectory, PrintStream stdout, ZoneId zone) {
        super("csv", config.fileName(), config.saveInterval(), workingDirectory, stdout);
        this.config = config;
        this.columns = columns;
        this.zone = zone;
    }

    @Override
    public String description() {
        return config.toStdout() ? "csv (stdout)" : "csv (" + config.fileName() + ")";
    }

    @Override
    protected void appendHeader(StringBuilder text) {
        CsvRows.appendRecord(text, columns.header());
    }

    @Override
    protected void appendSample(StringBuilder text, Sample sample) {
        CsvRows.appendSample(text, sample, columns, config.timeFormat(), zone);
    }
}
