package dev.k6j.engine.js;

import java.nio.file.AccessDeniedException;
import java.util.function.BooleanSupplier;

/**
 * k6's rule that a script loads code and reads files only while it initializes (the init stage: the script's top
 * level, once per VU), never in {@code setup}, iterations, {@code teardown} or {@code handleSummary}. One instance
 * per VU.
 *
 * <p>Every way a script reaches the file system asks this rule, so a new way inherits it:
 * <ul>
 *   <li>ES module imports, static and dynamic ({@code import()}), and whatever else GraalJS loads: through
 *       {@link ScriptFileSystem}, which every module loader goes through (files, the generated {@code k6/…} shims,
 *       remote modules);</li>
 *   <li>{@code open()}, {@code require()}: the globals check before they resolve a path;</li>
 *   <li>{@code k6/experimental/fs}, {@code k6/experimental/csv} and extensions: through {@code Vu.readFile}.</li>
 * </ul>
 * The messages are k6's ({@code js/initcontext.go}).
 */
public final class InitStage {

    private static final String OUTSIDE = "the \"%s\" function is only available in the init stage (i.e. the global "
            + "scope), see https://grafana.com/docs/k6/latest/using-k6/test-lifecycle/ for more information";

    private final BooleanSupplier inInitStage;

    /** @param inInitStage whether the VU is initializing now */
    public InitStage(BooleanSupplier inInitStage) {
        this.inInitStage = inInitStage;
    }

    /** Whether files and modules may be loaded now. */
    public boolean open() {
        return inInitStage.getAsBoolean();
    }

    /** k6's message for {@code function} (e.g. {@code open}, {@code require}) called after the init stage. */
    public static String outsideMessage(String function) {
        return String.format(OUTSIDE, function);
    }

    /**
     * For the file system: refuses access to {@code path} after the init stage, naming the way in. GraalJS reports
     * the reason as the import's error.
     */
    void requireOpen(String path, String function) throws AccessDeniedException {
        if (!open()) {
            throw new AccessDeniedException(path, null, outsideMessage(function));
        }
    }
}
