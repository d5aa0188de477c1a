package dev.k6j.engine.modules.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records the way Go's {@code encoding/csv} does, which k6 uses: quoted fields may hold delimiters,
 * doubled quotes and line breaks; {@code \r\n} counts as {@code \n}; empty lines are skipped; every record must have
 * as many fields as the first; a quote inside an unquoted field is an error. Not thread-safe.
 */
final class CsvReader {

    private final String text;
    private final char delimiter;
    private int position;
    private int line = 1;
    private int fieldsPerRecord = -1;

    CsvReader(String text, char delimiter) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.delimiter = delimiter;
    }

    /** The next record, or null at the end of the input. */
    List<String> next() {
        while (position < text.length() && (peek() == '\n' || (peek() == '\r' && peekAt(1) == '\n'))) {
            position += peek() == '\r' ? 2 : 1;
            line++;
        }
        if (position >= text.length()) {
            return null;
        }
        int recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(peek() == '"' ? quoted(recordLine) : unquoted(recordLine));
            if (position >= text.length()) {
                break;
            }
            char c = text.charAt(position);
            if (c == delimiter) {
                position++;
                continue;
            }
            position += c == '\r' ? 2 : 1; // end of line
            line++;
            break;
        }
        if (fieldsPerRecord < 0) {
            fieldsPerRecord = fields.size();
        } else if (fields.size() != fieldsPerRecord) {
            throw new CsvException("record on line " + recordLine + ": wrong number of fields");
        }
        return fields;
    }

    private String unquoted(int recordLine) {
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == delimiter || c == '\n' || (c == '\r' && peekAt(1) == '\n')) {
                break;
            }
            if (c == '"') {
                throw new CsvException("parse error on line " + recordLine + ", column " + (position - start + 1)
                        + ": bare \" in non-quoted-field");
            }
            position++;
        }
        return text.substring(start, position);
    }

    private String quoted(int recordLine) {
        StringBuilder field = new StringBuilder();
        position++; // opening quote
        while (true) {
            if (position >= text.length()) {
                throw new CsvException("parse error on line " + recordLine + ": extraneous or missing \" in quoted-field");
            }
            char c = text.charAt(position);
            if (c == '"') {
                if (peekAt(1) == '"') {
                    field.append('"');
                    position += 2;
                    continue;
                }
                position++;
                if (position < text.length() && text.charAt(position) != delimiter && text.charAt(position) != '\n'
                        && !(text.charAt(position) == '\r' && peekAt(1) == '\n')) {
                    throw new CsvException("parse error on line " + line + ": extraneous or missing \" in quoted-field");
                }
                return field.toString();
            }
            if (c == '\r' && peekAt(1) == '\n') {
                position++;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            field.append(c);
            position++;
        }
    }

    private char peek() {
        return text.charAt(position);
    }

    private char peekAt(int ahead) {
        int at = position + ahead;
        return at < text.length() ? text.charAt(at) : 0;
    }
}
