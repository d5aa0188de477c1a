package dev.k6j.engine.extension;

import dev.k6j.engine.errors.K6jException;
import java.nio.file.Path;

/**
 * A jar in the plugins folder that could not be loaded (corrupt, built for another SPI, a provider that fails): the
 * run goes on without it, with a warning, and only a script that needs what it might provide (a module it imports,
 * an {@code --out} it names) stops, with this reason.
 *
 * @param jar     the plugin's jar
 * @param failure why it could not be loaded; its message names the jar
 */
public record BrokenPlugin(Path jar, K6jException failure) {

    /** The warning printed at the start of a run. */
    public String warning() {
        return failure.getMessage() + "; it is not loaded, and scripts that use its modules or outputs will fail";
    }
}
