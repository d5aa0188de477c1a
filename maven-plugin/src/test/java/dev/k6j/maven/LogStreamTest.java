package dev.k6j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

class LogStreamTest {

    private final List<String> logged = new ArrayList<>();
    /** A Maven log that records "level: line". */
    private final Log log = (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class},
            (proxy, method, args) -> {
                if (method.getName().startsWith("is")) {
                    return true;
                }
                logged.add(method.getName() + ": " + args[0]);
                return null;
            });

    @Test
    void theEngineLogGoesLineByLineAtItsOwnLevel() {
        try (PrintStream err = LogStream.engineLog(log)) {
            err.print("INFO[0001] hello from ");
            err.println("a VU");
            err.println("WARN[0002] slow");
            err.println("ERRO[0003] thresholds on metrics 'checks' have been crossed");
            err.print("error: script error in init code\r\n");
            err.print("a last line without a newline");
        }

        assertThat(logged).containsExactly(
                "info: INFO[0001] hello from a VU",
                "warn: WARN[0002] slow",
                "error: ERRO[0003] thresholds on metrics 'checks' have been crossed",
                "error: error: script error in init code",
                "info: a last line without a newline");
    }

    @Test
    void theSummaryKeepsItsUnicodeAndItsEmptyLines() {
        try (PrintStream out = LogStream.info(log)) {
            out.print("\n     ✓ status is 200\n");
        }

        assertThat(logged).containsExactly("info: ", "info:      ✓ status is 200");
    }
}
