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
