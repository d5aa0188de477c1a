package dev.k6j.engine.embedded;

import dev.k6j.engine.errors.ExitCode;
import java.util.Arrays;
import java.util.Locale;

/** k6's exit codes in words, for messages. */
final class ExitCodes {

    private ExitCodes() {
    }

    /** {@code "script exception"} for 107; {@code "exit code N"} for a code k6 does not define. */
    static String describe(int code) {
        return Arrays.stream(ExitCode.values()).filter(e -> e.code() == code).findFirst()
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .orElse("exit code " + code);
    }
}
