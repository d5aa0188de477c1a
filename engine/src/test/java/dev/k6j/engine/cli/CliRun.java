package dev.k6j.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the k6j CLI in this JVM as a user would from a shell, capturing its exit code and output.
 * Tests run one at a time (the CLI writes to System.out/err).
 *
 * @param exitCode the process exit code the CLI chose
 * @param stdout   what it printed on standard output
 * @param stderr   what it printed on standard error
 */
public record CliRun(int exitCode, String stdout, String stderr) {

    /** The folder of the test scripts in src/test/resources/scripts. */
    public static Path scripts() {
        return Path.of("src/test/resources/scripts").toAbsolutePath();
    }

    /** Runs {@code k6j args...}; a relative script path is taken from the test scripts folder. */
    public static synchronized CliRun of(String... args) {
        List<String> resolved = new ArrayList<>();
        for (String arg : args) {
            resolved.add(arg.endsWith(".js") && !Path.of(arg).isAbsolute() ? scripts().resolve(arg).toString() : arg);
        }
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run(resolved.toArray(String[]::new));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Everything printed, for failure messages. */
    public String all() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
