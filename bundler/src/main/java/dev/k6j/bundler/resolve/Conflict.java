package dev.k6j.bundler.resolve;

/**
 * Two versions of one library wanted by different parts of the bundle; Maven's rule (nearest wins, then first
 * declared) picked one. Reported so a user can pin another with {@code --replace}.
 *
 * @param artifact      {@code group:artifact}
 * @param usedVersion   the version that goes into the bundle
 * @param usedPath      the dependency path that brought it, e.g. {@code k6j-engine > jackson-databind}
 * @param wantedVersion the version that lost
 * @param wantedPath    the dependency path that wanted it
 */
public record Conflict(String artifact, String usedVersion, String usedPath, String wantedVersion, String wantedPath) {

    /** One line for the build report. */
    public String describe() {
        return artifact + ": " + usedVersion + " (" + usedPath + ") is used; " + wantedVersion + " was wanted by "
                + wantedPath;
    }
}
