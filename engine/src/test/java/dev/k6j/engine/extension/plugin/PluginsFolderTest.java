package dev.k6j.engine.extension.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.K6jException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsFolderTest {

    @TempDir
    Path dir;

    @Test
    void theFlagWinsOverTheVariableAndTheHome() throws Exception {
        Path flag = Files.createDirectories(dir.resolve("flag"));
        Path env = Files.createDirectories(dir.resolve("env"));

        assertThat(PluginsFolder.locate(flag, Map.of(PluginsFolder.ENV, env.toString()), "/home", getClass()))
                .contains(new PluginsFolder(flag, true));
        assertThat(PluginsFolder.locate(null, Map.of(PluginsFolder.ENV, env.toString()), "/home", getClass()))
                .contains(new PluginsFolder(env, true));
    }

    @Test
    void theHomeGivesPluginsBesideTheEngineAndMayBeAbsent() {
        assertThat(PluginsFolder.locate(null, Map.of(), dir.toString(), getClass()))
                .contains(new PluginsFolder(dir.resolve("plugins"), false));
    }

    @Test
    void withoutHomeTheJarsFolderCountsAndAClassesFolderHasNone() {
        // Tests run from target/classes, not a jar: there is no "beside the jar".
        assertThat(PluginsFolder.locate(null, Map.of(), null, getClass())).isEmpty();
        assertThat(PluginsFolder.locate(null, Map.of(), null, org.junit.jupiter.api.Test.class))
                .get().extracting(PluginsFolder::explicit).isEqualTo(false);
    }

    @Test
    void aNamedFolderMustExist() {
        assertThatThrownBy(() -> PluginsFolder.locate(null, Map.of(PluginsFolder.ENV, dir.resolve("x").toString()),
                null, getClass()))
                .isInstanceOf(K6jException.class)
                .hasMessage("the plugins folder " + dir.resolve("x") + " (from K6J_PLUGINS_DIR) does not exist");
    }
}
