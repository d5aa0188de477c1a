package dev.k6j.engine.loader;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import java.net.URI;
import java.net.URISyntaxException;

/** The URLs k6 accepts for a script or module: {@code https://} (and {@code file://}), nothing else. */
public final class ScriptUrls {

    private ScriptUrls() {
    }

    /** The URL of a script given as {@code https://…} on the command line; other schemes are k6's error. */
    public static URI remoteScript(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new K6jException(ExitCode.SCRIPT_EXCEPTION, "invalid script URL '" + text + "': " + e.getMessage());
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new K6jException(ExitCode.SCRIPT_EXCEPTION, "only supported schemes for imports are file and https, "
                    + text + " has `" + url.getScheme() + "`");
        }
        return url;
    }
}
