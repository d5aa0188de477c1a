package dev.k6j.resolver.script;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Finds the modules a JavaScript (or TypeScript) source loads, without running it: static {@code import … from 'x'},
 * {@code import 'x'}, {@code export … from 'x'}, and {@code import('x')} and {@code require('x')} with a literal
 * name. Comments, strings, template literals and regular expressions are skipped, so an import inside them is not
 * counted; TypeScript's {@code import type}/{@code export type} are left out (they load nothing). A name built at
 * run time ({@code require(name)}) cannot be known, and is not reported. Stateless.
 */
public final class ImportScanner {

    /** How a module is loaded. */
    public enum Kind { STATIC, DYNAMIC, REQUIRE }

    /** One module a source loads. */
    public record Import(String specifier, Kind kind) {
    }

    private static final Set<String> KEYWORDS_BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in",
            "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");
    private static final int LOOKAHEAD = 400;

    private ImportScanner() {
    }

    /** The modules {@code source} loads, in the order written. */
    public static List<Import> scan(CharSequence source) {
        List<Token> tokens = new Lexer(source).tokens();
        List<Import> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.type != Type.WORD || afterDot(tokens, i)) {
                continue;
            }
            switch (token.text) {
                case "import" -> importAt(tokens, i, found);
                case "export" -> exportAt(tokens, i, found);
                case "require" -> {
                    if (isPunct(tokens, i + 1, "(") && isString(tokens, i + 2) && isPunct(tokens, i + 3, ")")) {
                        found.add(new Import(tokens.get(i + 2).text, Kind.REQUIRE));
                    }
                }
                default -> {
                }
            }
        }
        return found;
    }

    private static void importAt(List<Token> tokens, int i, List<Import> found) {
        if (isPunct(tokens, i + 1, "(")) {
            if (isString(tokens, i + 2) && (isPunct(tokens, i + 3, ")") || isPunct(tokens, i + 3, ","))) {
                found.add(new Import(tokens.get(i + 2).text, Kind.DYNAMIC));
            }
            return;
        }
        if (isPunct(tokens, i + 1, ".")) {
            return; // import.meta
        }
        if (isString(tokens, i + 1)) {
            found.add(new Import(tokens.get(i + 1).text, Kind.STATIC));
            return;
        }
        if (isWord(tokens, i + 1, "type") && !isWord(tokens, i + 2, "from") && !isPunct(tokens, i + 2, ",")) {
            return; // TypeScript: import type { X } from 'y' loads nothing
        }
        fromClause(tokens, i + 1).ifPresent(s -> found.add(new Import(s, Kind.STATIC)));
    }

    private static void exportAt(List<Token> tokens, int i, List<Import> found) {
        int next = i + 1;
        if (isWord(tokens, next, "type")) {
            return; // TypeScript: export type { X } from 'y'
        }
        if (isPunct(tokens, next, "*")) {
            fromClause(tokens, next + 1).ifPresent(s -> found.add(new Import(s, Kind.STATIC)));
        } else if (isPunct(tokens, next, "{")) {
            int close = next;
            while (close < tokens.size() && !isPunct(tokens, close, "}")) {
                close++;
            }
            if (isWord(tokens, close + 1, "from") && isString(tokens, close + 2)) {
                found.add(new Import(tokens.get(close + 2).text, Kind.STATIC));
            }
        }
    }

    /** The string after {@code from} in an import or export clause starting at {@code start}, if the clause has one. */
    private static java.util.Optional<String> fromClause(List<Token> tokens, int start) {
        for (int j = start; j < Math.min(tokens.size(), start + LOOKAHEAD); j++) {
            Token t = tokens.get(j);
            if (t.type == Type.PUNCT && (t.text.equals(";") || t.text.equals("("))) {
                return java.util.Optional.empty();
            }
            if (t.type == Type.WORD && t.text.equals("from") && isString(tokens, j + 1)) {
                return java.util.Optional.of(tokens.get(j + 1).text);
            }
            if (t.type == Type.WORD && (t.text.equals("import") || t.text.equals("export")) && j > start) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean afterDot(List<Token> tokens, int i) {
        return i > 0 && tokens.get(i - 1).type == Type.PUNCT && tokens.get(i - 1).text.equals(".");
    }

    private static boolean isPunct(List<Token> tokens, int i, String text) {
        return i < tokens.size() && tokens.get(i).type == Type.PUNCT && tokens.get(i).text.equals(text);
    }

    private static boolean isWord(List<Token> tokens, int i, String text) {
        return i < tokens.size() && tokens.get(i).type == Type.WORD && tokens.get(i).text.equals(text);
    }

    private static boolean isString(List<Token> tokens, int i) {
        return i < tokens.size() && tokens.get(i).type == Type.STRING;
    }

    private enum Type { WORD, STRING, PUNCT, OTHER }

    private record Token(Type type, String text) {
    }

    /**
     * Splits source into words, string literals (their value), single punctuation characters and opaque values
     * (numbers, template text, regular expressions). Whether {@code /} starts a regular expression or divides is
     * decided by the token before it, as JavaScript's grammar does in practice.
     */
    private static final class Lexer {
        private final CharSequence s;
        private final List<Token> tokens = new ArrayList<>();
        /** Open template literals: for each, the brace depth at which its current {@code ${…}} closes. */
        private final Deque<Integer> templates = new ArrayDeque<>();
        private int braces;
        private int i;

        Lexer(CharSequence source) {
            this.s = source;
        }

        List<Token> tokens() {
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '/' && peek(1) == '/') {
                    skipLine();
                } else if (c == '/' && peek(1) == '*') {
                    int end = indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (c == '\'' || c == '"') {
                    tokens.add(new Token(Type.STRING, quoted(c)));
                } else if (c == '`') {
                    i++;
                    template();
                } else if (c == '/' ) {
                    if (regexAllowed()) {
                        regex();
                        tokens.add(new Token(Type.OTHER, "/re/"));
                    } else {
                        i++;
                        tokens.add(new Token(Type.PUNCT, "/"));
                    }
                } else if (Character.isJavaIdentifierStart(c)) {
                    int start = i;
                    while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                        i++;
                    }
                    tokens.add(new Token(Type.WORD, s.subSequence(start, i).toString()));
                } else if (Character.isDigit(c)) {
                    while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
                        i++;
                    }
                    tokens.add(new Token(Type.OTHER, "0"));
                } else if (c == '}' && !templates.isEmpty() && templates.peek() == braces) {
                    templates.pop();
                    i++;
                    template(); // back inside the template literal after ${…}
                } else {
                    if (c == '{') {
                        braces++;
                    } else if (c == '}') {
                        braces--;
                    }
                    tokens.add(new Token(Type.PUNCT, String.valueOf(c)));
                    i++;
                }
            }
            return tokens;
        }

        private char peek(int ahead) {
            return i + ahead < s.length() ? s.charAt(i + ahead) : '\0';
        }

        private void skipLine() {
            while (i < s.length() && s.charAt(i) != '\n') {
                i++;
            }
        }

        private int indexOf(String what, int from) {
            outer:
            for (int j = from; j <= s.length() - what.length(); j++) {
                for (int k = 0; k < what.length(); k++) {
                    if (s.charAt(j + k) != what.charAt(k)) {
                        continue outer;
                    }
                }
                return j;
            }
            return -1;
        }

        /** A quoted string's value, with the usual escapes of module names undone. */
        private String quoted(char quote) {
            StringBuilder value = new StringBuilder();
            i++;
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == quote || c == '\n') {
                    break;
                }
                if (c == '\\' && i < s.length()) {
                    char e = s.charAt(i++);
                    value.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    value.append(c);
                }
            }
            return value.toString();
        }

        /** Skips template text up to the closing backtick, or up to {@code ${}, whose expression is then lexed. */
        private void template() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == '`') {
                    i++;
                    tokens.add(new Token(Type.OTHER, "`t`"));
                    return;
                } else if (c == '$' && peek(1) == '{') {
                    i += 2;
                    templates.push(braces);
                    tokens.add(new Token(Type.PUNCT, "("));
                    return;
                } else {
                    i++;
                }
            }
        }

        private boolean regexAllowed() {
            if (tokens.isEmpty()) {
                return true;
            }
            Token last = tokens.getLast();
            return switch (last.type) {
                case WORD -> KEYWORDS_BEFORE_EXPRESSION.contains(last.text);
                case STRING, OTHER -> false;
                case PUNCT -> !(last.text.equals(")") || last.text.equals("]"));
            };
        }

        private void regex() {
            i++;
            boolean inClass = false;
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    inClass = true;
                } else if (c == ']') {
                    inClass = false;
                } else if (c == '/' && !inClass) {
                    break;
                } else if (c == '\n') {
                    break; // not a regular expression after all; move on
                }
            }
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
        }
    }
}
