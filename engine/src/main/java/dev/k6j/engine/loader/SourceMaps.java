package dev.k6j.engine.loader;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source maps of the TypeScript files turned into JavaScript in this process, by the path GraalJS knows the
 * file under, so that error locations point at the {@code .ts} lines as k6's do. Global because errors are
 * described far from where sources are loaded (iterations, setup, the summary); a path always maps to the same
 * file, so runs in one JVM (tests) don't disturb each other. Thread-safe.
 */
public final class SourceMaps {

    private static final Map<String, SourceMap> BY_PATH = new ConcurrentHashMap<>();

    private SourceMaps() {
    }

    static void register(String path, SourceMap map) {
        BY_PATH.put(path, map);
    }

    /** The original position of a generated one, or the same position for a file that was not transformed. */
    public static SourceMap.Position original(String path, int line, int column) {
        SourceMap map = path == null ? null : BY_PATH.get(path);
        return map == null ? new SourceMap.Position(line, column) : map.original(line, column);
    }
}
