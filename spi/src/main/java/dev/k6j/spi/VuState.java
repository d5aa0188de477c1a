package dev.k6j.spi;

/**
 * Identity and per-iteration state of one VU. Read and changed on the VU's thread only.
 */
public interface VuState {

    /** The VU's id in this instance, starting at 1 ({@code __VU}); 0 in setup and teardown. */
    long id();

    /** The VU's id across all instances of a distributed test. */
    long idInTest();

    /** The VU's iteration number in this instance ({@code __ITER}), starting at 0. */
    long iteration();

    /** The VU's iteration number within its current scenario. */
    long iterationInScenario();

    /** The scenario the VU runs now; {@link ScenarioState#NONE} in the init stage, setup and teardown. */
    ScenarioState scenario();

    /** True while the init code runs (top-level script code), where {@code open()} is allowed. */
    boolean inInitStage();

    /** The tags every sample of this VU carries now: test tags, scenario tags, {@code group}, and script-set tags. */
    TagSet tags();

    /**
     * The system tags enabled for this test ({@code systemTags} option; k6's default set when not given): a module
     * that emits samples of its own adds a system tag such as {@code url} or {@code status} only when it is here.
     */
    java.util.Set<String> enabledSystemTags();

    /** Whether the system tag {@code name} is enabled ({@link #enabledSystemTags()}). */
    default boolean systemTagEnabled(String name) {
        return enabledSystemTags().contains(name);
    }

    /** Sets a tag on every later sample of this VU ({@code exec.vu.metrics.tags[name] = value}). */
    void setTag(String name, String value);

    /** Removes a tag set with {@link #setTag}. */
    void removeTag(String name);

    /** The current group path, {@code ::outer::inner}; empty at the root. */
    String group();

    /** Enters or leaves a group: later samples carry this path in the {@code group} tag (when enabled). */
    void setGroup(String path);

    /** Non-indexed metadata every sample of this VU carries ({@code exec.vu.metrics.metadata}). */
    TagSet metadata();

    /** Sets a metadata entry on every later sample of this VU. */
    void setMetadata(String name, String value);

    /** Removes a metadata entry. */
    void removeMetadata(String name);
}
