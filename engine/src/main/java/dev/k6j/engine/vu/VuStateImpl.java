package dev.k6j.engine.vu;

import dev.k6j.spi.ScenarioState;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.VuState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A VU's identity, iteration counters and tags. Changed on the VU's thread only (by the VU, the executor
 * running it, and modules).
 *
 * <p>Tags are layered: the test-wide tags, then the scenario's tags and {@code scenario} system tag, then the
 * {@code group} system tag, then tags the script set through {@code exec.vu.metrics.tags}. The merged set is
 * cached until a layer changes.
 */
public final class VuStateImpl implements VuState {

    private final long id;
    private final long idInTest;
    private final TagSet testTags;
    private final SystemTags systemTags;
    private final Map<String, String> scriptTags = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private ScenarioState scenario = ScenarioState.NONE;
    private TagSet scenarioTags = TagSet.EMPTY;
    private String groupPath = "";
    private long iteration = -1;
    private long iterationInScenario = -1;
    /** Each scenario's iteration count of this VU, which goes on when the VU comes back to a scenario. */
    private final Map<String, Long> scenarioIterations = new java.util.HashMap<>();
    private boolean inInit = true;
    private TagSet merged;
    private TagSet mergedMetadata;

    public VuStateImpl(long id, long idInTest, TagSet testTags, SystemTags systemTags) {
        this.id = id;
        this.idInTest = idInTest;
        this.testTags = testTags;
        this.systemTags = systemTags;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public long idInTest() {
        return idInTest;
    }

    @Override
    public long iteration() {
        return Math.max(0, iteration);
    }

    @Override
    public long iterationInScenario() {
        return Math.max(0, iterationInScenario);
    }

    @Override
    public ScenarioState scenario() {
        return scenario;
    }

    @Override
    public boolean inInitStage() {
        return inInit;
    }

    @Override
    public TagSet tags() {
        if (merged == null) {
            TagSet tags = testTags.withAll(scenarioTags);
            if (systemTags.enabled("group")) {
                tags = tags.with("group", groupPath);
            }
            for (Map.Entry<String, String> tag : scriptTags.entrySet()) {
                tags = tags.with(tag.getKey(), tag.getValue());
            }
            merged = tags;
        }
        return merged;
    }

    @Override
    public void setTag(String name, String value) {
        scriptTags.put(name, value);
        merged = null;
    }

    @Override
    public void removeTag(String name) {
        scriptTags.remove(name);
        merged = null;
    }

    /** Which system tags samples carry ({@code systemTags} option), for modules that add their own. */
    public SystemTags systemTags() {
        return systemTags;
    }

    @Override
    public java.util.Set<String> enabledSystemTags() {
        return systemTags.names();
    }

    /** Script-set tags, for {@code exec.vu.metrics.tags}. */
    public Map<String, String> scriptTags() {
        return scriptTags;
    }

    @Override
    public TagSet metadata() {
        if (mergedMetadata == null) {
            TagSet result = TagSet.of(metadata);
            if (systemTags.enabled("vu")) {
                result = result.with("vu", Long.toString(id));
            }
            if (systemTags.enabled("iter")) {
                result = result.with("iter", Long.toString(iteration()));
            }
            mergedMetadata = result;
        }
        return mergedMetadata;
    }

    @Override
    public void setMetadata(String name, String value) {
        metadata.put(name, value);
        mergedMetadata = null;
    }

    @Override
    public void removeMetadata(String name) {
        metadata.remove(name);
        mergedMetadata = null;
    }

    /** Script-set metadata, for {@code exec.vu.metrics.metadata}. */
    public Map<String, String> scriptMetadata() {
        return metadata;
    }

    @Override
    public String group() {
        return groupPath;
    }

    @Override
    public void setGroup(String path) {
        groupPath = path;
        merged = null;
    }

    /** Enters a scenario: its state and tags apply to later samples. */
    public void enterScenario(ScenarioState state, TagSet tags) {
        scenario = state;
        TagSet withName = systemTags.enabled("scenario") ? tags.with("scenario", state.name()) : tags;
        if (!withName.equals(scenarioTags)) {
            scenarioTags = withName;
            merged = null;
        }
    }

    /** Called by the VU before each iteration. */
    void nextIteration() {
        iteration++;
        iterationInScenario = scenarioIterations.merge(scenario.name(), 0L, (previous, zero) -> previous + 1);
        if (systemTags.enabled("iter")) {
            mergedMetadata = null;
        }
    }

    void leaveInit() {
        inInit = false;
    }
}
