package dev.k6j.output.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Opens a URL or file in the system's browser ({@code open} setting), best effort: a failure is one warning. */
final class Browser {

    private Browser() {
    }

    static void open(String target, System.Logger logger) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", target)
                : os.contains("mac") ? List.of("open", target) : List.of("xdg-open", target);
        try {
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            logger.log(System.Logger.Level.WARNING, "web dashboard: cannot open a browser (" + command.getFirst()
                    + ": " + e.getMessage() + "); open " + target + " yourself");
        }
    }
}
