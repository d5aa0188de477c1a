package dev.k6j.engine.run;

import dev.k6j.engine.js.Script;
import dev.k6j.engine.vu.ConsoleLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the CLI hands to a test run.
 *
 * @param script           the script to run
 * @param cliOptions       options given as flags (highest precedence), keyed by k6 option name
 * @param configFile       the {@code --config} file, or {@code null}
 * @param outputs          the {@code --out} values
 * @param scriptEnvironment what the script sees as {@code __ENV}: the system environment (unless turned off)
 *                         plus {@code -e} values
 * @param systemEnvironment the process environment, where {@code K6_*} options and output settings are read
 * @param summaryExport    the {@code --summary-export} file, or {@code null}
 * @param quiet            no banner and no progress
 * @param verbose          debug logs and stack traces
 * @param color            ANSI colours in the summary and logs
 * @param workingDirectory where relative paths resolve
 * @param stdout           where the banner and summary go
 * @param stderr           where logs and progress go
 * @param stdoutIsTty      whether stdout is a terminal
 * @param address          where the REST API listens ({@code host:port}), or {@code null}/empty for nowhere
 * @param addressExplicit  whether the user asked for that address (then failing to listen stops the run)
 * @param console          where logs go, in the format asked for
 * @param linger           keep the REST API up after the test until Ctrl-C ({@code --linger})
 * @param noVuMemoryCheck  {@code --no-vu-memory-check}: run VU counts the heap can't hold (a warning, not a refusal)
 */
public record RunRequest(Script script, Map<String, Object> cliOptions, Path configFile, List<String> outputs,
                         Map<String, String> scriptEnvironment,
                         Map<String, String> systemEnvironment, Path summaryExport, boolean quiet, boolean verbose,
                         boolean color, Path workingDirectory, PrintStream stdout, PrintStream stderr,
                         boolean stdoutIsTty, String address, boolean addressExplicit, ConsoleLog console,
                         boolean linger, boolean noVuMemoryCheck) {

    /** A request whose logs go to {@code stderr} in k6's terminal form, without --linger (for embedders). */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public RunRequest(Script script, Map<String, Object> cliOptions, Path configFile, List<String> outputs,
                      Map<String, String> scriptEnvironment, Map<String, String> systemEnvironment, Path summaryExport,
                      boolean quiet, boolean verbose, boolean color, Path workingDirectory, PrintStream stdout,
                      PrintStream stderr, boolean stdoutIsTty, String address, boolean addressExplicit) {
        this(script, cliOptions, configFile, outputs, scriptEnvironment, systemEnvironment, summaryExport, quiet,
                verbose, color, workingDirectory, stdout, stderr, stdoutIsTty, address, addressExplicit,
                new ConsoleLog(stderr, verbose, color), false, false);
    }
}
