package dev.k6j.engine.cli;

import dev.k6j.engine.config.ConfigFile;
import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.output.WebDashboardSwitch;
import dev.k6j.engine.run.RunRequest;
import dev.k6j.engine.run.TestRunner;
import dev.k6j.engine.secrets.SecretSources;
import dev.k6j.engine.vu.ConsoleLog;
import dev.k6j.spi.WithSecrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code k6j run}: runs a test (a script or an archive). */
@Command(name = "run", description = "Run a load test (a script or an archive).", mixinStandardHelpOptions = true,
        sortOptions = false)
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ScriptArguments arguments;

    @Mixin
    GlobalOptions global;

    @Mixin
    ExtensionOptions extensionOptions;

    @Mixin
    UnsupportedRunFlags unsupported;

    @Option(names = {"-o", "--out"}, paramLabel = "NAME[=CONFIG]",
            description = "Send samples to an output, e.g. json=results.json, csv=results.csv (repeatable).")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--summary-export", paramLabel = "FILE", description = "Write the summary as JSON to FILE.")
    Path summaryExport;

    @Option(names = "--secret-source", paramLabel = "TYPE[=CONFIG]",
            description = "A source for k6/secrets: file=PATH, env[=prefix=PREFIX], url=urlTemplate=URL,..., "
                    + "mock=KEY=VALUE,...; add name=NAME and default to any (repeatable).")
    List<String> secretSources = new ArrayList<>();

    @Option(names = {"-a", "--address"}, paramLabel = "HOST:PORT",
            description = "Where the REST API listens (default localhost:6565, as k6 v1; \"\" turns it off).")
    String address;

    @Option(names = {"-l", "--linger"}, description = "Keep the REST API up after the test ends, until Ctrl-C.")
    boolean linger;

    @Option(names = "--console-output", paramLabel = "FILE",
            description = "Write the script's console.* lines to FILE instead of the log (also K6_CONSOLE_OUTPUT).")
    String consoleOutput;

    @Option(names = "--no-vu-memory-check",
            description = "Run even a VU count the JVM's heap can't hold (k6j refuses it otherwise).")
    boolean noVuMemoryCheck;

    @Override
    public Integer call() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        unsupported.refuse();
        String consoleFile = consoleOutput != null ? consoleOutput : System.getenv("K6_CONSOLE_OUTPUT");
        ConsoleLog console = global.console(consoleFile);
        Script script = arguments.loadScript(workingDirectory, console);
        Map<String, Object> cliOptions = arguments.options();
        arguments.summaryModeWarning().ifPresent(warning -> console.log("warn", 0, warning));
        List<String> outs = new ArrayList<>(outputs);
        String envOut = System.getenv("K6_OUT");
        if (outs.isEmpty() && envOut != null && !envOut.isBlank()) {
            outs.add(envOut);
        }
        Path export = summaryExport;
        if (export == null && System.getenv("K6_SUMMARY_EXPORT") != null) {
            export = Path.of(System.getenv("K6_SUMMARY_EXPORT"));
        }
        ApiAddress api = ApiAddress.of(address);
        boolean lingerAfter = linger || "true".equalsIgnoreCase(System.getenv("K6_LINGER"));
        RunRequest request = new RunRequest(script, cliOptions, arguments.config, outs, arguments.environment(true),
                System.getenv(), export, global.quiet, global.verbose, global.color(), workingDirectory, System.out,
                System.err, System.console() != null, api.address(), api.explicit(), console, lingerAfter,
                noVuMemoryCheck);
        try (ExtensionRegistry extensions = extensionOptions.discover(script,
                WebDashboardSwitch.requested(outs, System.getenv(), configFileOptions()), workingDirectory, console)) {
            SecretSources secrets = SecretSources.parse(secretSources, workingDirectory, System.getenv());
            console.redactWith(secrets::redact);
            extensions.jsModules().values().stream().filter(WithSecrets.class::isInstance)
                    .map(WithSecrets.class::cast).forEach(module -> module.setSecrets(secrets));
            TestRunner runner = new TestRunner(request, extensions);
            Interrupts.Target interrupts = Main.interrupts;
            if (interrupts != null) {
                interrupts.attach(signal -> runner.interrupt(signal.abortMessage(), signal.label, signal.again));
            }
            ExitCode exit = runner.run();
            return exit.code();
        }
    }

    private Map<String, Object> configFileOptions() {
        return arguments.config == null ? Map.of() : ConfigFile.read(arguments.config);
    }
}
