package dev.k6j.engine.modules.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records of one CSV file under k6's options: the header line read when {@code asObjects}, the first line skipped,
 * lines before {@code fromLine} skipped, nothing after {@code toLine}. Lines count records from 0. Not thread-safe.
 */
final class CsvRecords {

    private final CsvReader reader;
    private final CsvOptions options;
    private List<String> header;
    private long line;

    CsvRecords(String text, CsvOptions options) {
        this.reader = new CsvReader(text, options.delimiter());
        this.options = options;
        if (options.asObjects()) {
            header = reader.next();
            if (header == null) {
                throw new CsvException("failed to read the first line; reason: EOF");
            }
            line++;
        }
        if (options.skipFirstLine() && (options.fromLine() == null || options.fromLine() == 0)) {
            if (reader.next() == null) {
                throw new CsvException("failed to skip the first line; reason: EOF");
            }
            line++;
        }
        if (options.fromLine() != null) {
            while (line < options.fromLine()) {
                if (reader.next() == null) {
                    throw new CsvException("failed to skip lines until line " + options.fromLine() + "; reason: EOF");
                }
                line++;
            }
        }
    }

    /** The next record (a list of strings, or a map when asObjects), or null when there is none. */
    Object next() {
        if (options.toLine() != null && options.toLine() > 0 && line > options.toLine()) {
            return null;
        }
        List<String> record = reader.next();
        if (record == null) {
            return null;
        }
        line++;
        if (header == null) {
            return record;
        }
        if (record.size() != header.size()) {
            throw new CsvException("record length (" + record.size() + ") doesn't match header length (" + header.size() + ")");
        }
        Map<String, String> object = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            object.put(header.get(i), record.get(i));
        }
        return object;
    }
}
