package dev.k6j.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.run.OptionsInspector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code k6j inspect}: prints the consolidated options of a script as JSON, as {@code k6 inspect} does. */
@Command(name = "inspect", description = "Print a script's consolidated options as JSON.",
        mixinStandardHelpOptions = true)
public final class InspectCommand implements Callable<Integer> {

    @Mixin
    ScriptArguments arguments;

    @Mixin
    GlobalOptions global;

    @Mixin
    ExtensionOptions extensionOptions;

    @Override
    public Integer call() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Map<String, Object> options;
        Script script = arguments.loadScript(workingDirectory);
        try (ExtensionRegistry extensions = extensionOptions.discover(script, List.of(), workingDirectory, global)) {
            options = OptionsInspector.consolidatedOptions(script,
                    arguments.options(), arguments.config, arguments.environment(), System.getenv(),
                    extensions);
        }
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(options));
        return 0;
    }
}
