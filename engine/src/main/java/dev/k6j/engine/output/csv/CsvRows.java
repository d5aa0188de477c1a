package dev.k6j.engine.output.csv;

import dev.k6j.spi.format.GoFloats;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes CSV rows as k6 does (Go's {@code encoding/csv}, {@code \n} line ends): a cell is quoted only when it
 * holds a comma, a quote, a line break, or starts with a space, and quotes inside are doubled. Values are written
 * with six decimals ({@code 1.000000}); tags without a column go to {@code extra_tags} and metadata to
 * {@code metadata}, each as {@code name=value} pairs joined by {@code &}, in name order. Stateless; any thread.
 */
public final class CsvRows {

    private CsvRows() {
    }

    /** Appends one record (with its newline). */
    public static void appendRecord(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendCell(out, cells.get(i));
        }
        out.append('\n');
    }

    /** Appends the row (with its newline) for one sample. */
    public static void appendSample(StringBuilder out, Sample sample, CsvColumns columns, CsvTimeFormat timeFormat,
            ZoneId zone) {
        appendCell(out, sample.metric().name());
        out.append(',').append(timeFormat.format(sample.timeNanos(), zone));
        out.append(',').append(GoFloats.fixed6(sample.value()));
        TagSet tags = sample.tags();
        for (String column : columns.tagColumns()) {
            out.append(',');
            String value = tags.get(column);
            if (value != null) {
                appendCell(out, value);
            }
        }
        out.append(',');
        appendCell(out, pairs(tags, columns));
        out.append(',');
        appendCell(out, pairs(sample.metadata(), columns));
        out.append('\n');
    }

    private static String pairs(TagSet tags, CsvColumns columns) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        tags.forEach((name, value) -> {
            if (!columns.hasColumn(name)) {
                if (!text.isEmpty()) {
                    text.append('&');
                }
                text.append(name).append('=').append(value);
            }
        });
        return text.toString();
    }

    private static void appendCell(StringBuilder out, String cell) {
        if (!needsQuotes(cell)) {
            out.append(cell);
            return;
        }
        out.append('"');
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Go's {@code csv.Writer.fieldNeedsQuotes}. */
    private static boolean needsQuotes(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        if (cell.equals("\\.")) {
            return true;
        }
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return isGoSpace(cell.codePointAt(0));
    }

    /** Go's {@code unicode.IsSpace}. */
    private static boolean isGoSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> c > 0xFF && Character.getType(c) == Character.SPACE_SEPARATOR
                    || c == 0x2028 || c == 0x2029;
        };
    }
}
