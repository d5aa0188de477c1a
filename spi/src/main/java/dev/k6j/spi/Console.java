package dev.k6j.spi;

/**
 * The console a VU's script writes to with {@code console.log}, {@code console.warn}, …: lines such as
 * {@code WARN[0003] [VU 2] message}, hidden secrets and all. Made by {@link Vu#console()}. Thread-safe.
 */
@FunctionalInterface
public interface Console {

    /** Writes {@code message} at k6's {@code level}: {@code debug}, {@code info}, {@code warn} or {@code error}. */
    void log(String level, String message);

    /** {@code console.warn(message)}. */
    default void warn(String message) {
        log("warn", message);
    }

    /** {@code console.error(message)}. */
    default void error(String message) {
        log("error", message);
    }

    /** The {@link System.Logger} level of one of k6's level names. */
    static System.Logger.Level loggerLevel(String level) {
        return switch (level) {
            case "error" -> System.Logger.Level.ERROR;
            case "warn" -> System.Logger.Level.WARNING;
            case "info" -> System.Logger.Level.INFO;
            default -> System.Logger.Level.DEBUG;
        };
    }
}
