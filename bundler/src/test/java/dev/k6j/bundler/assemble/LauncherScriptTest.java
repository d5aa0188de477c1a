package dev.k6j.bundler.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.bundler.BundlerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherScriptTest {

    @TempDir
    Path dir;

    @Test
    void theLauncherIsNamedAfterTheJarAndIsValidBash() throws Exception {
        Path launcher = LauncherScript.pathFor(dir.resolve("my-k6j.jar"));
        LauncherScript.write(launcher, "my-k6j.jar", "25.0.3");

        assertThat(launcher).isEqualTo(dir.resolve("my-k6j")).isExecutable();
        String script = Files.readString(launcher);
        assertThat(script).startsWith("#!/usr/bin/env bash").contains("jar=$bundle_home/my-k6j.jar")
                .contains("k6j_find_jdk()").contains("k6j_js_runtime_wanted()").contains(LauncherScript.MARKER)
                .doesNotContain("@K6J_ENV@");
        Process bash = new ProcessBuilder("bash", "-n", launcher.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void theOneFileScriptIsValidBashThatUnpacksThenRunsTheSameWay() throws Exception {
        Path script = Files.writeString(dir.resolve("one-file.sh"),
                LauncherScript.oneFile("my-k6j.jar", "25.0.3").replace("@ID@", "25.0.3-0123456789abcdef"));

        String text = Files.readString(script);
        assertThat(text).startsWith("#!/usr/bin/env bash").contains("bundle_home=$cache/bundles/25.0.3-0123456789abcdef")
                .contains("dev.k6j.launcher.BundleLauncher --unpack").contains("engine_home=$bundle_dir")
                .contains("--upgrade-module-path=$compiler_dir").contains(LauncherScript.MARKER)
                .doesNotContain("@RUN_ENGINE@").doesNotContain("@K6J_ENV@");
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void aBundleReplacesJarsAndBundlesButNotTheRepositorysLauncher() throws Exception {
        Path jar = Files.write(dir.resolve("old.jar"), new byte[] {'P', 'K', 3, 4});
        LauncherScript.checkReplaceable(jar);
        Path k6j = Files.writeString(dir.resolve("k6j"), "#!/usr/bin/env bash\n# the repository's own launcher\n");

        assertThatThrownBy(() -> LauncherScript.checkReplaceable(k6j))
                .hasMessage("will not overwrite " + k6j + " with the bundle: it is not a jar or a bundle the bundler"
                        + " wrote; choose another -o name");
    }

    @Test
    void itOverwritesItsOwnLaunchersButNothingElse() throws Exception {
        Path launcher = dir.resolve("k6j");
        LauncherScript.write(launcher, "k6j.jar", "25.0.3");
        LauncherScript.checkWritable(launcher);

        Files.writeString(launcher, "#!/usr/bin/env bash\n# the repository's own launcher\n");
        assertThatThrownBy(() -> LauncherScript.checkWritable(launcher))
                .isInstanceOf(BundlerException.class)
                .hasMessageContaining("will not overwrite " + launcher);
    }
}
