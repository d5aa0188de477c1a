package dev.k6j.engine.js;

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

    /** {@code file:line:column} of a source section. */
    public static String location(SourceSection at) {
        String file = at.getSource().getPath() != null ? at.getSource().getPath() : at.getSource().getName();
        return file + ":" + at.getStartLine() + ":" + at.getStartColumn();
    }

    private static boolean isInternal(SourceSection at) {
        String name = at.getSource().getName();
        String path = at.getSource().getPath();
        return name.startsWith("k6j-") || (path != null && path.startsWith(ScriptFileSystem.VIRTUAL_ROOT));
    }
}
