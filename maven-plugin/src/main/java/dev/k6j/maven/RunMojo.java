package dev.k6j.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs every k6 script under {@code src/test/k6/} in Maven's JVM, one after the other, logs their summaries, writes
 * them under {@code target/k6j/}, and records the results for the {@code verify} goal, which fails the build.
 * Like Failsafe's {@code integration-test}, this goal itself does not fail on a failed script, so that
 * {@code post-integration-test} still stops what {@code pre-integration-test} started.
 *
 * <p>Extensions ({@code k6/x/*} modules, outputs) come from the plugin's {@code <dependencies>}.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public final class RunMojo extends K6jMojo {

    /** The folder of the scripts. */
    @Parameter(property = "k6j.scriptsDirectory", defaultValue = "${project.basedir}/src/test/k6")
    private File scriptsDirectory;

    /** Which scripts run: Ant-style patterns relative to {@code scriptsDirectory} (default {@code **}{@code /*.js}). */
    @Parameter(property = "k6j.includes")
    private List<String> includes;

    /** Which files are not scripts to run (default {@code **}{@code /lib/**} and {@code **}{@code /node_modules/**}). */
    @Parameter(property = "k6j.excludes")
    private List<String> excludes;

    /** {@code __ENV} variables for every script, as {@code k6 run -e}: {@code <env><BASE_URL>…</BASE_URL></env>}. */
    @Parameter
    private Map<String, String> env = new LinkedHashMap<>();

    /**
     * Option overrides for every script, as CLI flags: {@code <options><vus>5</vus><duration>30s</duration></options>};
     * a value that reads as JSON is JSON ({@code <thresholds>{"checks":["rate==1"]}</thresholds>}).
     */
    @Parameter
    private Map<String, String> options = new LinkedHashMap<>();

    /**
     * Outputs for every script, as {@code k6 run --out}; {@code {script}} becomes the script's name:
     * {@code <output>json=target/k6j/{script}/samples.json</output>}.
     */
    @Parameter
    private List<String> outputs = new ArrayList<>();

    /** Writes each script's HTML report ({@code report.html}) when the dashboard output is on the plugin's class path. */
    @Parameter(property = "k6j.htmlReport", defaultValue = "true")
    private boolean htmlReport;

    /** A URL to wait for before the first script runs: a server started earlier in the build is ready when it answers. */
    @Parameter(property = "k6j.waitFor")
    private String waitFor;

    /** How long to wait for {@code waitFor}, in seconds. */
    @Parameter(property = "k6j.waitForTimeout", defaultValue = "60")
    private int waitForTimeout;

    /** Leaves out the banner and progress lines (default); the summary is logged either way. */
    @Parameter(property = "k6j.quiet", defaultValue = "true")
    private boolean quiet;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped()) {
            getLog().info("k6j: scripts skipped");
            return;
        }
        JdkCheck.require();
        Path base = basedir.toPath().toAbsolutePath();
        Path folder = scriptsDirectory.toPath().toAbsolutePath();
        Path reports = reportsDirectory.toPath().toAbsolutePath();
        List<Path> scripts = new ScriptSelection(includes, excludes).find(folder);
        try {
            if (scripts.isEmpty()) {
                getLog().info("k6j: no scripts in " + base.relativize(folder) + " to run");
                ResultsFile.write(reports, List.of());
                return;
            }
            if (waitFor != null && !waitFor.isBlank()) {
                ServerWait.until(waitFor, Duration.ofSeconds(waitForTimeout), getLog());
            }
            ScriptRunner runner = new ScriptRunner(new ScriptRunner.RunSettings(base, reports, assignments(env),
                    assignments(options), outputs, quiet, htmlReport), getLog());
            List<ScriptOutcome> outcomes = new ArrayList<>();
            for (Path script : scripts) {
                String name = script.toString().replace('\\', '/').replaceFirst("\\.js$", "");
                outcomes.add(runner.run(base.relativize(folder.resolve(script)), name));
            }
            ResultsFile.write(reports, outcomes);
            long failed = outcomes.stream().filter(o -> !o.passed()).count();
            getLog().info("k6j: " + Verdict.scripts(outcomes.size()) + " run, "
                    + (failed == 0 ? "all passed" : failed + " failed (the verify goal fails the build)"));
        } catch (IOException e) {
            throw new MojoExecutionException("k6j: cannot write under " + reports + ": " + e.getMessage(), e);
        }
    }

    private static List<String> assignments(Map<String, String> values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            values.forEach((name, value) -> result.add(name + "=" + (value == null ? "" : value.trim())));
        }
        return result;
    }
}
