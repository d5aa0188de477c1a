package dev.k6j.output.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One k6j run of {@code metrics.js} with {@code --out kafka=<argument>}, beside {@code --out json} (the same samples
 * as k6's JSON output writes them) and {@code --summary-export}, for comparing what reached the topic with both.
 *
 * @param cli     the CLI's exit and streams
 * @param points  the json output's {@code Point} lines
 * @param summary the summary export's {@code metrics}
 */
record KafkaRun(CliRun cli, List<String> points, JsonNode summary) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The output's closing line: delivered, received and (when any) failed samples. */
    static final Pattern CLOSING = Pattern.compile(
            "kafka: delivered ([0-9,]+) of ([0-9,]+) samples to topic '[^']+' \\(\\w+\\)(?:; ([0-9,]+) failed)?");

    static KafkaRun of(Path work, String outArgument, String... extra) throws Exception {
        Path results = work.resolve("results.json");
        Path summary = work.resolve("summary.json");
        List<String> args = new ArrayList<>(List.of("run", "-q", "--out", "kafka=" + outArgument,
                "--out", "json=" + results, "--summary-export", summary.toString(),
                "--summary-trend-stats", "avg,min,med,max,count"));
        args.addAll(List.of(extra));
        args.add("metrics.js");
        CliRun cli = CliRun.of(args.toArray(String[]::new));
        System.out.println(cli.stderr()); // in the test report: what the output said
        List<String> points = Files.exists(results) ? Files.readAllLines(results).stream()
                .filter(line -> line.contains("\"type\":\"Point\"")).toList() : List.of();
        JsonNode metrics = Files.exists(summary) ? JSON.readTree(summary.toFile()).get("metrics") : null;
        return new KafkaRun(cli, points, metrics);
    }

    /** The closing line's numbers: delivered, received, failed. */
    long[] closingCounts() {
        Matcher line = CLOSING.matcher(cli.stderr());
        if (!line.find()) {
            throw new AssertionError("no closing line in:\n" + cli.all());
        }
        return new long[] {number(line.group(1)), number(line.group(2)),
                line.group(3) == null ? 0 : number(line.group(3))};
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }
}
