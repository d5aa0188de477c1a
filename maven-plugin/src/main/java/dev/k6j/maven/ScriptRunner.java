package dev.k6j.maven;

import dev.k6j.engine.embedded.InProcessRun;
import dev.k6j.engine.embedded.TestResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs one script in Maven's JVM and writes its summaries: {@code <reports>/<name>/summary.txt} (k6's text summary),
 * {@code summary.json} (the data {@code handleSummary} gets) and, when an HTML report output is on the plugin's class
 * path, {@code report.html}. The only class of the plugin that touches the engine (Java 25), so the mojos load on
 * older JDKs far enough to say so.
 */
final class ScriptRunner {

    /** The dashboard output (docs/java-builds.md: the HTML report appears once it is on the class path). */
    static final String REPORT_OUTPUT = "web-dashboard";
    /** In output settings, replaced by the script's name, so that each script writes its own file. */
    static final String SCRIPT_TOKEN = "{script}";

    private final RunSettings settings;
    private final Log log;

    ScriptRunner(RunSettings settings, Log log) {
        this.settings = settings;
        this.log = log;
    }

    /**
     * Runs {@code script} and reports it in the log.
     *
     * @param script the script, relative to the project's folder
     * @param name   its name below the scripts folder without {@code .js}: {@code smoke}, {@code api/login}
     */
    ScriptOutcome run(Path script, String name) throws IOException {
        Path reports = settings.reportsDirectory().resolve(name);
        Files.createDirectories(reports);
        log.info("k6j: running " + script);
        PrintStream out = LogStream.info(log);
        PrintStream err = LogStream.engineLog(log);
        InProcessRun run = InProcessRun.of(script)
                .workingDirectory(settings.basedir())
                .env(settings.env())
                .options(settings.options())
                .quiet(settings.quiet())
                .stdout(out)
                .stderr(err);
        settings.outputs().forEach(output -> run.output(output.replace(SCRIPT_TOKEN, name)));
        Path report = reports.resolve("report.html");
        boolean htmlReport = settings.htmlReport() && run.hasOutput(REPORT_OUTPUT);
        if (htmlReport) {
            // k6's settings of its dashboard output: no server (port -1), only the report file at the end.
            run.output(REPORT_OUTPUT + "=port=-1&export=" + report);
        }
        TestResult result;
        try {
            result = run.run();
        } finally {
            out.close();
            err.close();
        }
        if (!result.textSummary().isEmpty()) {
            Files.writeString(reports.resolve("summary.txt"), result.textSummary(), StandardCharsets.UTF_8);
            Files.writeString(reports.resolve("summary.json"), result.summaryJson(), StandardCharsets.UTF_8);
        }
        String took = String.format(Locale.ROOT, "%.1f s", result.duration().toMillis() / 1000.0);
        if (result.passed()) {
            log.info("k6j: " + script + " passed (" + took + "; summaries in " + relative(reports)
                    + (htmlReport ? ", with report.html" : "") + ")");
        } else {
            result.failureMessage().ifPresent(message -> List.of(message.split("\n")).forEach(log::error));
        }
        return new ScriptOutcome(script.toString(), result.exitCode(), result.failureMessage().orElse(null),
                relative(reports));
    }

    private String relative(Path path) {
        Path base = settings.basedir();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }

    /** What every script of one {@code run} shares. */
    record RunSettings(Path basedir, Path reportsDirectory, List<String> env, List<String> options,
                       List<String> outputs, boolean quiet, boolean htmlReport) {
    }
}
