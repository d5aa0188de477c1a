package dev.k6j.engine.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A source map (version 3) read far enough to answer one question: which line and column of the original
 * TypeScript a position of the generated JavaScript came from. Immutable and thread-safe.
 */
public final class SourceMap {

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** Per generated line (0-based), its segments as {generated column, original line, original column}. */
    private final List<int[][]> lines;

    private SourceMap(List<int[][]> lines) {
        this.lines = lines;
    }

    /** Reads a source map's JSON text. */
    public static SourceMap parse(String json) {
        try {
            JsonNode map = new ObjectMapper().readTree(json);
            return new SourceMap(decode(map.path("mappings").asText("")));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a source map: " + e.getMessage(), e);
        }
    }

    /**
     * The original position of a generated one; lines and columns are 1-based, as GraalJS reports them. A line
     * with no mapping takes the nearest mapped line above it.
     */
    public Position original(int line, int column) {
        for (int l = Math.min(line - 1, lines.size() - 1); l >= 0; l--) {
            int[][] segments = lines.get(l);
            if (segments.length == 0) {
                continue;
            }
            int[] best = segments[0];
            if (l == line - 1) {
                for (int[] segment : segments) {
                    if (segment[0] <= column - 1) {
                        best = segment;
                    }
                }
            }
            return new Position(best[1] + 1, l == line - 1 ? best[2] + 1 : 1);
        }
        return new Position(line, column);
    }

    /** A 1-based line and column. */
    public record Position(int line, int column) {
    }

    private static List<int[][]> decode(String mappings) {
        List<int[][]> lines = new ArrayList<>();
        int originalLine = 0;
        int originalColumn = 0;
        int source = 0;
        int name = 0;
        for (String line : mappings.split(";", -1)) {
            List<int[]> segments = new ArrayList<>();
            int generatedColumn = 0;
            for (String segment : line.split(",")) {
                if (segment.isEmpty()) {
                    continue;
                }
                int[] values = vlq(segment);
                generatedColumn += values[0];
                if (values.length >= 4) {
                    source += values[1];
                    originalLine += values[2];
                    originalColumn += values[3];
                    if (values.length >= 5) {
                        name += values[4];
                    }
                    segments.add(new int[] {generatedColumn, originalLine, originalColumn});
                }
            }
            lines.add(segments.toArray(int[][]::new));
        }
        return lines;
    }

    private static int[] vlq(String segment) {
        List<Integer> values = new ArrayList<>();
        int value = 0;
        int shift = 0;
        for (int i = 0; i < segment.length(); i++) {
            int digit = BASE64.indexOf(segment.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("bad source map character '" + segment.charAt(i) + "'");
            }
            value += (digit & 31) << shift;
            if ((digit & 32) != 0) {
                shift += 5;
            } else {
                values.add((value & 1) == 1 ? -(value >>> 1) : value >>> 1);
                value = 0;
                shift = 0;
            }
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
