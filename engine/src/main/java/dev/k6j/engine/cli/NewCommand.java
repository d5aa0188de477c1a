package dev.k6j.engine.cli;

import dev.k6j.engine.errors.K6jException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code k6j new [file]}: writes a new script from one of k6's templates ({@code minimal}, {@code protocol},
 * {@code browser}) or from a template file of one's own, which may use {@code {{ .ScriptName }}},
 * {@code {{ .ProjectID }}} and {@code {{ if .ProjectID }}…{{ end }}} as k6's Go templates do.
 */
@Command(name = "new", description = "Create a new script from a template (minimal, protocol, browser or a file).",
        mixinStandardHelpOptions = true)
public final class NewCommand implements Callable<Integer> {

    private static final Pattern IF_PROJECT = Pattern.compile("\\{\\{\\s*if\\s+\\.ProjectID\\s*}}(.*?)\\{\\{\\s*end\\s*}}",
            Pattern.DOTALL);

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The script to create (script.js).")
    String target = "script.js";

    @Option(names = {"-f", "--force"}, description = "Overwrite an existing file.")
    boolean force;

    @Option(names = "--template", paramLabel = "TEMPLATE", defaultValue = "minimal",
            description = "minimal (default), protocol, browser, or the path of a template file.")
    String template;

    @Option(names = "--project-id", paramLabel = "ID", description = "The Grafana Cloud project ID to put in options.")
    String projectId;

    @Override
    public Integer call() throws IOException {
        Path file = Path.of(target);
        if (Files.exists(file) && !force) {
            throw K6jException.badCommandLine(target + " already exists. Use the `--force` flag to overwrite it");
        }
        String text = render(templateText(), target, projectId == null ? "" : projectId);
        Files.writeString(file, text);
        System.out.println("New script created: " + target + " (" + template + " template).");
        return 0;
    }

    private String templateText() throws IOException {
        if (template.equals("minimal") || template.equals("protocol") || template.equals("browser")) {
            try (InputStream in = NewCommand.class.getResourceAsStream("templates/" + template + ".js")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (template.contains("/") || template.contains(java.io.File.separator)) {
            Path path = Path.of(template).toAbsolutePath();
            try {
                return Files.readString(path);
            } catch (IOException e) {
                throw K6jException.invalidConfig("error retrieving template: failed to read template file " + template
                        + ": " + e.getMessage());
            }
        }
        if (Files.exists(Path.of(template))) {
            throw K6jException.invalidConfig("error retrieving template: invalid template type \"" + template
                    + "\", did you mean ./" + template + "?");
        }
        throw K6jException.invalidConfig("error retrieving template: invalid template type \"" + template + "\"");
    }

    /** The few Go template actions k6's templates use. */
    static String render(String template, String scriptName, String projectId) {
        Matcher conditional = IF_PROJECT.matcher(template);
        String text = conditional.replaceAll(match -> Matcher.quoteReplacement(projectId.isEmpty() ? "" : match.group(1)));
        return text.replaceAll("\\{\\{\\s*\\.ScriptName\\s*}}", Matcher.quoteReplacement(scriptName))
                .replaceAll("\\{\\{\\s*\\.ProjectID\\s*}}", Matcher.quoteReplacement(projectId));
    }
}
