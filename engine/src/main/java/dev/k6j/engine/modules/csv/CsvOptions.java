package dev.k6j.engine.modules.csv;

import java.util.Map;

/**
 * The options of {@code csv.parse} and {@code new csv.Parser}: delimiter, skipFirstLine, fromLine, toLine (inclusive)
 * and asObjects, checked as k6 checks them. Immutable.
 */
record CsvOptions(char delimiter, boolean skipFirstLine, Long fromLine, Long toLine, boolean asObjects) {

    static CsvOptions from(Map<String, Object> options) {
        char delimiter = ',';
        if (options.get("delimiter") != null) {
            String text = String.valueOf(options.get("delimiter"));
            if (text.length() != 1) {
                throw new CsvException("delimiter must be a single character");
            }
            delimiter = text.charAt(0);
        }
        CsvOptions parsed = new CsvOptions(delimiter, truthy(options.get("skipFirstLine")), integer(options.get("fromLine")),
                integer(options.get("toLine")), truthy(options.get("asObjects")));
        parsed.validate();
        return parsed;
    }

    private void validate() {
        if (asObjects && skipFirstLine) {
            throw new CsvException("the 'header' option cannot be enabled when 'skipFirstLine' is true");
        }
        if (asObjects && fromLine != null && fromLine > 0) {
            throw new CsvException("the 'header' option cannot be enabled when 'fromLine' is set to a value greater than 0");
        }
        if (fromLine != null && fromLine < 0) {
            throw new CsvException("the 'fromLine' option must be greater than or equal to 0; got " + fromLine);
        }
        if (toLine != null && toLine < 0) {
            throw new CsvException("the 'toLine' option must be greater than or equal to 0; got " + toLine);
        }
        if (fromLine != null && toLine != null && fromLine >= toLine) {
            throw new CsvException("the 'fromLine' option must be less than the 'toLine' option; got 'fromLine': "
                    + fromLine + ", 'toLine': " + toLine);
        }
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value != null && !(value instanceof Number n && n.doubleValue() == 0)
                && !"".equals(value);
    }

    private static Long integer(Object value) {
        return value instanceof Number n ? (Long) n.longValue() : null;
    }
}
