package dev.k6j.output.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The front end, built from {@code src/main/frontend} at build time into one HTML file with uPlot, the styles and the
 * script inlined: the live page as it is, and the report's template. Read once; any thread.
 */
final class Assets {

    private static final String PAGE = "dashboard.html";
    private static volatile byte[] page;

    private Assets() {
    }

    static byte[] page() {
        byte[] loaded = page;
        if (loaded == null) {
            try (InputStream in = Assets.class.getResourceAsStream(PAGE)) {
                if (in == null) {
                    throw new IllegalStateException("the web dashboard's page (" + PAGE + ") is missing from its jar:"
                            + " the front end was not built (it needs node and npm at build time)");
                }
                loaded = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page = loaded;
        }
        return loaded;
    }
}
