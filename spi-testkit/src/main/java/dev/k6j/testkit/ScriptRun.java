package dev.k6j.testkit;

import dev.k6j.spi.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one {@link ModuleTestKit#run} did: the console lines, every metric sample emitted, and how each iteration
 * ended. Immutable.
 *
 * @param console  the log lines, as {@code LEVEL message} ({@code INFO hello}, {@code ERRO …}), without the time
 * @param samples  every sample, built-in metrics ({@code iterations}, {@code checks}) and the module's alike
 * @param outcomes per iteration: {@code COMPLETED}, {@code FAILED} (the script threw) or {@code INTERRUPTED}
 */
public record ScriptRun(List<String> console, List<Sample> samples, List<String> outcomes) {

    private static final Pattern PREFIX = Pattern.compile("^(\\w{4})\\[\\d+] (?:\\[VU \\d+] )?");

    public ScriptRun {
        console = List.copyOf(console);
        samples = List.copyOf(samples);
        outcomes = List.copyOf(outcomes);
    }

    /** The error lines: exceptions thrown by iterations, {@code console.error} output. */
    public List<String> errors() {
        return console.stream().filter(line -> line.startsWith("ERRO ")).toList();
    }

    /** The samples of one metric, in emission order. */
    public List<Sample> samples(String metric) {
        return samples.stream().filter(s -> s.metric().name().equals(metric)).toList();
    }

    /** The values of one metric's samples, in emission order. */
    public List<Double> values(String metric) {
        return samples(metric).stream().map(Sample::value).toList();
    }

    /** The sum of one metric's values (a counter's total). */
    public double sum(String metric) {
        return samples(metric).stream().mapToDouble(Sample::value).sum();
    }

    /**
     * Each {@code check()} by name, in the order they first ran, and whether it passed every time it ran (from the
     * {@code checks} samples): what the end-of-test summary lists as ✓ and ✗.
     */
    public Map<String, Boolean> checks() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        for (Sample sample : samples("checks")) {
            checks.merge(sample.tags().get("check"), sample.value() != 0, Boolean::logicalAnd);
        }
        return checks;
    }

    /** Whether every iteration completed without a script error. */
    public boolean allCompleted() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch("COMPLETED"::equals);
    }

    static List<String> lines(String printed) {
        List<String> lines = new ArrayList<>();
        for (String line : printed.split("\\R")) {
            if (!line.isEmpty()) {
                var matcher = PREFIX.matcher(line);
                lines.add(matcher.find() ? matcher.group(1) + " " + line.substring(matcher.end()) : line);
            }
        }
        return lines;
    }
}
