package dev.k6j.engine.run;

import dev.k6j.engine.Version;
import dev.k6j.engine.config.Durations;
import dev.k6j.engine.executor.ExecutionPlan;
import dev.k6j.engine.executor.Executor;
import dev.k6j.engine.js.JsRuntime;
import dev.k6j.engine.output.WebDashboardSwitch;
import dev.k6j.engine.segment.ExecutionTuple;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The lines printed before a test starts: version, JS runtime, script, outputs and scenarios, as k6 shows them. */
final class RunBanner {

    private RunBanner() {
    }

    /** @param executors every scenario, sorted by start time and name */
    static void print(RunRequest request, JsRuntime runtime, ExecutionTuple tuple, List<Executor> executors,
                      ExecutionPlan plan, List<String> outputs) {
        if (request.quiet()) {
            return;
        }
        Duration longest = roundToTenth(plan.endOffset());
        StringBuilder text = new StringBuilder();
        text.append("\n  k6j ").append(Version.engine()).append("  (JS runtime: ").append(runtime.mode()).append(")\n\n");
        text.append("     execution: local\n");
        text.append("        script: ").append(request.script().displayName()).append('\n');
        // As k6: the web dashboard gets a line of its own with its address, and is not listed among the outputs.
        List<String> others = new java.util.ArrayList<>();
        for (String output : outputs) {
            if (output.startsWith(WebDashboardSwitch.OUTPUT_NAME)) {
                text.append(" web dashboard:").append(output.substring(WebDashboardSwitch.OUTPUT_NAME.length()))
                        .append('\n');
            } else {
                others.add(output);
            }
        }
        text.append("        output: ").append(others.isEmpty() ? "-" : String.join(", ", others)).append("\n\n");
        text.append(String.format(Locale.ROOT, "     scenarios: (%.2f%%) %s, %d max VUs, %s max duration "
                        + "(incl. graceful stop):\n", tuple.segment().floatLength() * 100,
                executors.size() == 1 ? "1 scenario" : executors.size() + " scenarios", plan.maxPossibleVus(),
                Durations.format(longest)));
        for (Executor executor : executors) {
            text.append("              * ").append(executor.config().name()).append(": ")
                    .append(executor.description()).append('\n');
        }
        request.stdout().println(text);
        request.stdout().flush();
    }

    private static Duration roundToTenth(Duration duration) {
        long tenth = 100_000_000L;
        long nanos = duration.toNanos();
        return Duration.ofNanos((nanos + tenth / 2) / tenth * tenth);
    }
}
