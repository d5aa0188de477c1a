package dev.k6j.engine.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.extension.ondemand.DependencyReport;
import dev.k6j.engine.extension.ondemand.OnDemandSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code k6j deps}: what a script needs (its imports, the extensions and k6 version its directives ask for) and
 * whether this k6j has it, as {@code k6 deps} (k6 v1.6) prints it, with what extensions on demand would add.
 */
@Command(name = "deps", description = "List what a script needs: its imports, extensions and directives, and which of"
        + " them this k6j has.", mixinStandardHelpOptions = true)
public final class DepsCommand implements Callable<Integer> {

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "SCRIPT",
            description = "The test script, or - to read it from stdin.")
    String script;

    @Option(names = "--json", description = "Print the dependencies as JSON.")
    boolean json;

    @Mixin
    ExtensionOptions extensionOptions;

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        ScriptArguments arguments = new ScriptArguments();
        arguments.script = script;
        DependencyReport report;
        try (ExtensionRegistry extensions = extensionOptions.discover()) {
            report = DependencyReport.of(arguments.loadScript(workingDirectory, global.console()), workingDirectory, extensions,
                    OnDemandSettings.fromEnvironment());
        }
        if (json) {
            // As Go's encoder with SetIndent("", "  ") writes it: "key": value, two spaces per level.
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            System.out.println(new ObjectMapper().writer(pretty).writeValueAsString(report.json()));
        } else {
            System.out.print(report.text());
        }
        return 0;
    }
}
