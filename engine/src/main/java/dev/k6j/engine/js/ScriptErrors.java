package dev.k6j.engine.js;

import dev.k6j.engine.loader.RemotePaths;
import dev.k6j.engine.loader.SourceMap;
import dev.k6j.engine.loader.SourceMaps;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/** Turns a JavaScript exception into text a script author can act on: message, then file:line:column frames. */
public final class ScriptErrors {

    private ScriptErrors() {
    }

    /** The error message and its JavaScript stack, one frame a line ({@code \tat fn (file:line:col)}). */
    public static String describe(PolyglotException e) {
        StringBuilder text = new StringBuilder(message(e));
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (!frame.isGuestFrame() || frame.getSourceLocation() == null) {
                continue;
            }
            SourceSection at = frame.getSourceLocation();
            if (isInternal(at)) {
                continue;
            }
            String name = frame.getRootName() == null || frame.getRootName().isEmpty() ? "<anonymous>" : frame.getRootName();
            text.append("\n\tat ").append(name).append(" (").append(location(at)).append(")");
        }
        return text.toString();
    }

    /** The message alone, with the location of a syntax error ({@code file:line:column}). */
    public static String message(PolyglotException e) {
        String message = e.getMessage() == null ? "unknown error" : e.getMessage();
        if (e.isSyntaxError() && e.getSourceLocation() != null) {
            String firstLine = message.lines().findFirst().orElse(message);
            return firstLine + " at " + location(e.getSourceLocation());
        }
        return message;
    }

    /**
     * {@code file:line:column} of a source section: in a TypeScript file the {@code .ts} line (through its source
     * map), in a remote module its URL.
     */
    public static String location(SourceSection at) {
        String path = at.getSource().getPath();
        String file = path != null ? path : at.getSource().getName();
        SourceMap.Position original = SourceMaps.original(path, at.getStartLine(), at.getStartColumn());
        return RemotePaths.display(file) + ":" + original.line() + ":" + original.column();
    }

    private static boolean isInternal(SourceSection at) {
        String name = at.getSource().getName();
        String path = at.getSource().getPath();
        return name.startsWith("k6j-") || (path != null && path.startsWith(ScriptFileSystem.VIRTUAL_ROOT));
    }
}
