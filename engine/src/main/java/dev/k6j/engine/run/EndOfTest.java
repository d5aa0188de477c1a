package dev.k6j.engine.run;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.metrics.MetricsSnapshot;
import dev.k6j.engine.metrics.ThresholdResults;
import dev.k6j.engine.summary.SummaryData;
import dev.k6j.engine.summary.SummaryExport;
import dev.k6j.engine.summary.TextSummary;
import dev.k6j.engine.vu.VirtualUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.graalvm.polyglot.Value;

/**
 * The end-of-test report: {@code handleSummary(data)} when the script exports it, otherwise k6's text summary on
 * stdout; plus the {@code --summary-export} file.
 */
final class EndOfTest {

    private EndOfTest() {
    }

    /** The object {@code handleSummary(data)} receives. */
    static Map<String, Object> summaryData(RunRequest request, TestOptions options, MetricsSnapshot snapshot,
                                           ThresholdResults thresholds, Duration elapsed) {
        return SummaryData.build(snapshot, thresholds, summaryOptions(options, request), elapsed,
                request.stdoutIsTty(), false, options.summaryTrendStats());
    }

    /**
     * Reports the end of the test with its {@link #summaryData}, first handing the data to {@code summaryListener}
     * (outputs that write reports). Returns false when {@code handleSummary} timed out (the default summary is printed
     * instead, and the run ends with k6's time-out code).
     */
    static boolean report(RunRequest request, VirtualUser serviceVu, TestOptions options, Map<String, Object> data,
                          Consumer<Map<String, Object>> summaryListener) throws InterruptedException {
        summaryListener.accept(data);
        if (options.noSummary()) {
            return true;    // as in k6: a disabled summary also skips handleSummary and --summary-export
        }
        if (request.summaryExport() != null) {
            write(request.workingDirectory().resolve(request.summaryExport()),
                    SummaryExport.render(data).getBytes(StandardCharsets.UTF_8));
        }
        boolean completed = true;
        Optional<Value> handleSummary = serviceVu.inContext(() -> serviceVu.exportedFunction("handleSummary"));
        if (handleSummary.isPresent()) {
            try {
                Map<String, Object> outputs = LifecycleCall.call(serviceVu, "handleSummary",
                        options.handleSummaryTimeout(), ExitCode.GENERIC_TIMEOUT, vu -> {
                            Value result = LifecycleCall.callAndWait(vu, handleSummary.get(), vu.toJs(data));
                            return readOutputs(vu, result);
                        });
                deliver(request, outputs);
                return true;
            } catch (K6jException e) {
                serviceVu.console().error(e.getMessage() + "; printing the default summary instead");
                completed = e.exitCode() != ExitCode.GENERIC_TIMEOUT;
            }
        }
        request.stdout().print(TextSummary.render(data, request.color()));
        request.stdout().flush();
        return completed;
    }

    private static Map<String, Object> summaryOptions(TestOptions options, RunRequest request) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("summaryTrendStats", options.summaryTrendStats());
        result.put("summaryTimeUnit", options.summaryTimeUnit() == null ? "" : options.summaryTimeUnit());
        result.put("noColor", !request.color());
        return result;
    }

    /** handleSummary's result: destination → text or bytes. */
    private static Map<String, Object> readOutputs(VirtualUser vu, Value result) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (result == null || result.isNull() || !result.hasMembers()) {
            return outputs;
        }
        for (String key : result.getMemberKeys()) {
            Value value = result.getMember(key);
            byte[] bytes = vu.convert().toBytes(value);
            outputs.put(key, bytes != null ? bytes : value.isString() ? value.asString() : vu.convert().stringify(value));
        }
        return outputs;
    }

    private static void deliver(RunRequest request, Map<String, Object> outputs) {
        outputs.forEach((destination, content) -> {
            byte[] bytes = content instanceof byte[] b ? b : String.valueOf(content).getBytes(StandardCharsets.UTF_8);
            switch (destination) {
                case "stdout" -> {
                    request.stdout().write(bytes, 0, bytes.length);
                    request.stdout().flush();
                }
                case "stderr" -> {
                    request.stderr().write(bytes, 0, bytes.length);
                    request.stderr().flush();
                }
                default -> write(request.workingDirectory().resolve(destination), bytes);
            }
        });
    }

    private static void write(Path file, byte[] bytes) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw K6jException.invalidConfig("cannot write the summary to '" + file + "': " + e.getMessage());
        }
    }
}
