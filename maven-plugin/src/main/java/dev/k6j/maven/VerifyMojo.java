package dev.k6j.maven;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when a script of the last {@code run} failed: crossed thresholds (unless
 * {@code failOnThresholds} is false), a script error, invalid options. Reads {@code target/k6j/k6j-results.json}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends K6jMojo {

    /** Whether crossed thresholds fail the build (script errors always do). */
    @Parameter(property = "k6j.failOnThresholds", defaultValue = "true")
    private boolean failOnThresholds;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Optional<List<ScriptOutcome>> recorded;
        try {
            recorded = ResultsFile.read(reportsDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("k6j: cannot read " + ResultsFile.NAME + " in " + reportsDirectory
                    + ": " + e.getMessage(), e);
        }
        if (recorded.isEmpty()) {
            getLog().info("k6j: no results in " + reportsDirectory + " (the run goal did not run)");
            return;
        }
        Verdict verdict = Verdict.of(recorded.get(), failOnThresholds);
        verdict.tolerated().forEach(o -> getLog().warn("k6j: " + o.script()
                + " crossed thresholds, which do not fail the build (failOnThresholds=false)"));
        Optional<String> failure = verdict.failure();
        if (failure.isPresent()) {
            throw new MojoFailureException(failure.get());
        }
        getLog().info("k6j: " + (verdict.tolerated().isEmpty() ? Verdict.scripts(verdict.outcomes().size()) + " passed"
                : "none of " + Verdict.scripts(verdict.outcomes().size()) + " fails the build"));
    }
}
