package dev.k6j.bundler.resolve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --with} and {@code --replace} values of one build, parsed.
 *
 * @param extensions   the extensions, in command-line order
 * @param replacements the replacements
 */
public record ExtensionRequests(List<ExtensionRequest> extensions, List<Replacement> replacements) {

    public static ExtensionRequests parse(List<String> with, List<String> replace, Path workingDirectory) {
        List<ExtensionRequest> extensions = new ArrayList<>();
        for (String value : with) {
            extensions.add(ExtensionRequest.parse(value, workingDirectory));
        }
        List<Replacement> replacements = new ArrayList<>();
        for (String value : replace) {
            replacements.add(Replacement.parse(value, workingDirectory));
        }
        return new ExtensionRequests(List.copyOf(extensions), List.copyOf(replacements));
    }
}
