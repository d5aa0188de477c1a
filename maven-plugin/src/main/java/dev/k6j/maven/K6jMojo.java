package dev.k6j.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/** What both goals share: where the results are, and the switches that skip the scripts. */
abstract class K6jMojo extends AbstractMojo {

    /** Where the summaries and {@code k6j-results.json} are. */
    @Parameter(property = "k6j.reportsDirectory", defaultValue = "${project.build.directory}/k6j")
    protected File reportsDirectory;

    /** Skips the k6 scripts. */
    @Parameter(property = "k6j.skip", defaultValue = "false")
    private boolean skip;

    /** Skips the k6 scripts with the other integration tests, as Failsafe does. */
    @Parameter(property = "skipITs", defaultValue = "false")
    private boolean skipITs;

    /** Skips the k6 scripts with every other test. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    protected boolean skipped() {
        return skip || skipITs || skipTests;
    }
}
