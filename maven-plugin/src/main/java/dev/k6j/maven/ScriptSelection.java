package dev.k6j.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which files under the scripts folder are k6 scripts to run: Ant-style include and exclude patterns, as Surefire
 * and Failsafe take them ({@code **}{@code /*.js}, {@code smoke.js}, {@code api/**}), matched against the path
 * relative to the folder with {@code /} separators.
 */
final class ScriptSelection {

    static final List<String> DEFAULT_INCLUDES = List.of("**/*.js");
    /** Helper modules that scripts import, not tests of their own. */
    static final List<String> DEFAULT_EXCLUDES = List.of("**/lib/**", "**/node_modules/**");

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    ScriptSelection(List<String> includes, List<String> excludes) {
        this.includes = compile(includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        this.excludes = compile(excludes == null || excludes.isEmpty() ? DEFAULT_EXCLUDES : excludes);
    }

    /** The selected scripts under {@code folder}, relative to it, sorted; none when the folder does not exist. */
    List<Path> find(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(folder::relativize).filter(this::selects).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scripts in " + folder, e);
        }
    }

    boolean selects(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return includes.stream().anyMatch(p -> p.matcher(path).matches())
                && excludes.stream().noneMatch(p -> p.matcher(path).matches());
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(String::trim).filter(p -> !p.isEmpty()).map(ScriptSelection::toRegex).toList();
    }

    /** {@code **}{@code /} is any number of folders, {@code **} anything, {@code *} anything but {@code /}. */
    static Pattern toRegex(String antPattern) {
        String pattern = antPattern.replace('\\', '/');
        if (pattern.endsWith("/")) {
            pattern = pattern + "**";
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }
}
