package dev.k6j.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.k6j.engine.run.OptionsInspector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code k6j inspect}: prints the consolidated options of a script or archive as JSON, as {@code k6 inspect} does;
 * with {@code --execution-requirements}, also the longest the test may take and the most VUs it needs. Standard
 * output carries the JSON only, so tools (k6-operator's initializer) can parse it.
 */
@Command(name = "inspect", description = "Inspect a script or archive: its consolidated options as JSON.",
        mixinStandardHelpOptions = true)
public final class InspectCommand implements Callable<Integer> {

    @Mixin
    ScriptArguments arguments;

    @Mixin
    GlobalOptions global;

    @Mixin
    ExtensionOptions extensionOptions;

    @Option(names = "--execution-requirements",
            description = "Include the test's execution requirements: totalDuration and maxVUs (as k6).")
    boolean executionRequirements;

    @Override
    public Integer call() throws Exception {
        OptionsInspector.Inspection inspection = arguments.inspect(Path.of("").toAbsolutePath(), global.console(),
                extensionOptions).inspection();
        Map<String, Object> output = executionRequirements ? OptionsInspector.executionRequirements(inspection)
                : OptionsInspector.withScenarios(inspection);
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(output));
        return 0;
    }
}
