package dev.k6j.engine.cli;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.modules.secrets.SecretsModule;
import dev.k6j.engine.output.WebDashboardSwitch;
import dev.k6j.engine.run.RunRequest;
import dev.k6j.engine.run.TestRunner;
import dev.k6j.engine.secrets.SecretSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code k6j run}: runs a test. */
@Command(name = "run", description = "Run a load test.", mixinStandardHelpOptions = true, sortOptions = false)
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ScriptArguments arguments;

    @Mixin
    GlobalOptions global;

    @Mixin
    ExtensionOptions extensionOptions;

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

    @Override
    public Integer call() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
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
        Script script = arguments.loadScript(workingDirectory);
        RunRequest request = new RunRequest(script, arguments.options(),
                arguments.config, outs, arguments.environment(), System.getenv(), export, global.quiet, global.verbose,
                global.color(), workingDirectory, System.out, System.err, System.console() != null,
                api.address(), api.explicit());
        try (ExtensionRegistry extensions = extensionOptions.discover(script,
                WebDashboardSwitch.requested(outs, System.getenv()), workingDirectory, global)) {
            SecretSources secrets = SecretSources.parse(secretSources, workingDirectory, System.getenv());
            extensions.jsModules().values().stream().filter(SecretsModule.class::isInstance)
                    .forEach(module -> ((SecretsModule) module).configure(secrets));
            TestRunner runner = new TestRunner(request, extensions);
            if (Main.handleSignals) {
                Interrupts.onInterrupt(() -> runner.interrupt("test interrupted by the user (Ctrl-C); stopping "
                        + "gracefully, press Ctrl-C again to stop at once"));
            }
            ExitCode exit = runner.run();
            return exit.code();
        }
    }
}
