package dev.k6j.resolver.script;

import dev.k6j.resolver.version.VersionConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * k6's {@code "use k6 …"} directives: string statements in a file's prologue, where k6 looks for them, before
 * anything else but spaces, comments, semicolons and a first {@code #!} line.
 * <pre>
 * "use k6 >= 1.0";                              // the k6 version the script needs
 * "use k6 with k6/x/faker > 0.4.0";             // an extension module, with a version constraint
 * "use k6 with k6/x/sql";                       // an extension module, any version
 * "use k6 with output/kafka ^0.1";              // k6j only: an output extension (k6 cannot name outputs)
 * </pre>
 * Other strings in the prologue ({@code "use strict"}) are not directives. Stateless.
 */
public final class UseDirectives {

    /** The name a plain {@code "use k6 <constraint>"} constrains. */
    public static final String K6 = "k6";
    /** How a directive names an output extension: {@code output/<--out name>}. */
    public static final String OUTPUT_PREFIX = "output/";

    /**
     * One directive.
     *
     * @param name       {@code k6}, {@code k6/x/<name>} or {@code output/<name>}
     * @param constraint the version constraint, or {@code null} when it gives none (any version)
     * @param text       the directive as written, for messages
     */
    public record Directive(String name, VersionConstraint constraint, String text) {
    }

    private UseDirectives() {
    }

    /**
     * The directives in the prologue of {@code source}.
     *
     * @param where the file, for messages
     * @throws IllegalArgumentException a directive whose constraint does not parse, saying where
     */
    public static List<Directive> find(CharSequence source, String where) {
        List<Directive> directives = new ArrayList<>();
        for (String text : prologueStrings(source)) {
            String normalized = text.replace("  ", " ");
            if (!normalized.startsWith("use k6")) {
                continue;
            }
            String rest = normalized.substring("use k6".length()).strip();
            if (!rest.isEmpty() && !normalized.startsWith("use k6 ")) {
                continue; // "use k6x": not ours
            }
            String name = K6;
            String constraint = rest;
            if (rest.startsWith("with ")) {
                String spec = rest.substring("with ".length()).strip();
                int space = spec.indexOf(' ');
                name = space < 0 ? spec : spec.substring(0, space);
                constraint = space < 0 ? "" : spec.substring(space + 1).strip();
                if (!name.startsWith("k6/x/") && !name.startsWith(OUTPUT_PREFIX)) {
                    throw new IllegalArgumentException("the directive \"" + text + "\" in " + where + " names '" + name
                            + "': write \"use k6 with k6/x/<name> [constraint]\" for an extension module or \"use k6"
                            + " with output/<name> [constraint]\" for an output");
                }
            }
            directives.add(new Directive(name, constraint(constraint, name, text, where), text));
        }
        return directives;
    }

    private static VersionConstraint constraint(String text, String name, String directive, String where) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return VersionConstraint.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the directive \"" + directive + "\" in " + where
                    + " has a version constraint for " + name + " that does not parse (" + e.getMessage()
                    + "): write one such as \">= 1.2\", \"^1.2.3\", \"~1.2\" or \"1.2 - 1.4 || >= 2\"", e);
        }
    }

    /** The string literals of the prologue, in order, as k6 reads them. */
    static List<String> prologueStrings(CharSequence source) {
        List<String> strings = new ArrayList<>();
        int i = 0;
        int n = source.length();
        if (n >= 2 && source.charAt(0) == '#' && source.charAt(1) == '!') {
            while (i < n && source.charAt(i) != '\n') {
                i++;
            }
        }
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c) || c == ';' || c == '\uFEFF') {
                i++;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c) {
                    end++;
                }
                if (end >= n) {
                    return strings;
                }
                strings.add(source.subSequence(i + 1, end).toString());
                i = end + 1;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = indexOf(source, "*/", i + 2);
                if (end < 0) {
                    return strings;
                }
                i = end + 2;
            } else {
                return strings;
            }
        }
        return strings;
    }

    private static int indexOf(CharSequence s, String what, int from) {
        return s.toString().indexOf(what, from);
    }
}
