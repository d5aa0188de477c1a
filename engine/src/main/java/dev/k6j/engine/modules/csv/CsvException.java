package dev.k6j.engine.modules.csv;

/** Malformed CSV input or options, with Go's and k6's wording. */
final class CsvException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CsvException(String message) {
        super(message, null, false, false);
    }
}
