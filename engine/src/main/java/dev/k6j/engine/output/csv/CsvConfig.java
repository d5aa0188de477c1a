package dev.k6j.engine.output.csv;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.output.ResultFiles;
import dev.k6j.spi.OutputParams;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code csv} output's configuration, consolidated as k6 does: defaults, then the config file's
 * {@code collectors.csv} section ({@code file_name}, {@code save_interval}, {@code time_format}), then
 * {@code K6_CSV_FILENAME} / {@code K6_CSV_SAVE_INTERVAL} / {@code K6_CSV_TIME_FORMAT}, then the argument: a plain
 * file name ({@code --out csv=results.csv}) or {@code key=value} pairs
 * ({@code --out csv=fileName=results.csv,saveInterval=2s,timeFormat=rfc3339}).
 *
 * @param fileName     the file to write, relative to the working directory ({@code -} for stdout; {@code .gz} compresses)
 * @param saveInterval how often buffered rows are written (default 1s)
 * @param timeFormat   how the timestamp column is written (default {@code unix})
 */
public record CsvConfig(String fileName, Duration saveInterval, CsvTimeFormat timeFormat) {

    /** k6's defaults: {@code file.csv}, every second, unix seconds. */
    public static final CsvConfig DEFAULT = new CsvConfig("file.csv", Duration.ofSeconds(1), CsvTimeFormat.UNIX);

    public CsvConfig {
        if (fileName == null || saveInterval == null || timeFormat == null) {
            throw new IllegalArgumentException("the csv output's fileName, saveInterval and timeFormat must be set");
        }
        if (saveInterval.isNegative() || saveInterval.isZero()) {
            throw new IllegalArgumentException("the csv output's saveInterval must be positive, not " + saveInterval);
        }
    }

    /** Reads the configuration from the config-file section, the environment and the {@code --out} argument. */
    public static CsvConfig from(OutputParams params) {
        return from(params.jsonConfig(), params.environment(), params.configArgument());
    }

    /**
     * Consolidates the sources, later ones winning.
     *
     * @throws IllegalArgumentException for a value or argument the csv output does not understand
     */
    public static CsvConfig from(Map<String, Object> jsonSection, Map<String, String> environment, String argument) {
        CsvConfig config = DEFAULT;
        if (jsonSection != null) {
            config = config.with("file_name", jsonSection.get("file_name"), "the config file's collectors.csv")
                    .with("save_interval", jsonSection.get("save_interval"), "the config file's collectors.csv")
                    .with("time_format", jsonSection.get("time_format"), "the config file's collectors.csv");
        }
        if (environment != null) {
            config = config.with("file_name", nonBlank(environment.get("K6_CSV_FILENAME")), "K6_CSV_FILENAME")
                    .with("save_interval", nonBlank(environment.get("K6_CSV_SAVE_INTERVAL")), "K6_CSV_SAVE_INTERVAL")
                    .with("time_format", nonBlank(environment.get("K6_CSV_TIME_FORMAT")), "K6_CSV_TIME_FORMAT");
        }
        if (argument != null && !argument.isEmpty()) {
            config = config.withArgument(argument);
        }
        return config;
    }

    /** Whether rows go to standard output. */
    public boolean toStdout() {
        return ResultFiles.isStdout(fileName);
    }

    private CsvConfig withArgument(String argument) {
        if (!argument.contains("=")) {
            return new CsvConfig(argument, saveInterval, timeFormat);
        }
        CsvConfig config = this;
        for (String pair : argument.split(",", -1)) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("couldn't parse '" + argument + "' as the csv output's argument:"
                        + " use a file name, or fileName=…,saveInterval=…,timeFormat=…");
            }
            // k6 spells the keys in camelCase; the snake_case of its config file is accepted too.
            String option = switch (key) {
                case "fileName", "file_name" -> "file_name";
                case "saveInterval", "save_interval" -> "save_interval";
                case "timeFormat", "time_format" -> "time_format";
                default -> throw new IllegalArgumentException("unknown key '" + key + "' in the csv output's argument:"
                        + " use fileName, saveInterval or timeFormat");
            };
            config = config.with(option, value, "--out csv");
        }
        return config;
    }

    private CsvConfig with(String option, Object value, String source) {
        if (value == null) {
            return this;
        }
        return switch (option) {
            case "file_name" -> new CsvConfig(String.valueOf(value), saveInterval, timeFormat);
            case "save_interval" -> new CsvConfig(fileName, duration(value, source), timeFormat);
            case "time_format" -> new CsvConfig(fileName, saveInterval, CsvTimeFormat.fromK6Name(String.valueOf(value)));
            default -> throw new IllegalStateException(option);
        };
    }

    private static Duration duration(Object value, String source) {
        try {
            return Durations.parse(value, "the csv output's saveInterval (" + source + ")");
        } catch (K6jException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
