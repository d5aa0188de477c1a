package dev.k6j.engine.run;

import dev.k6j.engine.Version;
import dev.k6j.engine.config.Durations;
import dev.k6j.engine.config.TestOptions;
import dev.k6j.engine.executor.Executor;
import dev.k6j.engine.js.JsRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The lines printed before a test starts: version, JS runtime, script, outputs and scenarios, as k6 shows them. */
final class RunBanner {

    private RunBanner() {
    }

    static void print(RunRequest request, JsRuntime runtime, TestOptions options, List<Executor> executors,
                      List<String> outputs, int maxVus) {
        if (request.quiet()) {
            return;
        }
        Duration longest = executors.stream()
                .map(e -> e.config().startTime().plus(e.maxDuration()).plus(e.config().gracefulStop()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        StringBuilder text = new StringBuilder();
        text.append("\n  k6j ").append(Version.engine()).append("  (JS runtime: ").append(runtime.mode()).append(")\n\n");
        text.append("     execution: local\n");
        text.append("        script: ").append(request.script().displayName()).append('\n');
        text.append("        output: ").append(outputs.isEmpty() ? "-" : String.join(", ", outputs)).append("\n\n");
        text.append(String.format(Locale.ROOT, "     scenarios: (100.00%%) %d scenario%s, %d max VUs, %s max duration "
                        + "(incl. graceful stop):\n", executors.size(), executors.size() == 1 ? "" : "s", maxVus,
                Durations.format(longest)));
        for (Executor executor : executors) {
            text.append("              * ").append(executor.config().name()).append(": ")
                    .append(ExecutorDescriptions.describe(executor)).append('\n');
        }
        request.stdout().println(text);
        request.stdout().flush();
    }
}
