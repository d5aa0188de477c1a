package dev.k6j.engine.modules.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.cli.CliRun;
import dev.k6j.engine.modules.ModuleScripts;
import org.junit.jupiter.api.Test;

class SecretsModuleTest {

    private static final String FILE = CliRun.scripts().resolve("modules/fixtures/secrets.txt").toString();

    @Test
    void secretsComeFromFileAndEnvSourcesAndAreRedactedFromLogs() {
        CliRun run = ModuleScripts.passes("secrets.js",
                "--secret-source=file=name=vault,filename=" + FILE + ",default", "--secret-source=env=prefix=PA");
        assertThat(run.stderr()).contains("token is ***SECRET_REDACTED*** and the key is ***SECRET_REDACTED***")
                .doesNotContain("s3cr3t-value").doesNotContain("abc=def");
    }

    @Test
    void withoutSourcesALookupRejectsAndSaysWhichFlagToUse() {
        ModuleScripts.passes("no-secrets.js");
    }

    @Test
    void anUnknownSourceTypeIsAConfigurationError() {
        CliRun run = CliRun.of("run", "-q", "--secret-source=vault=x", "modules/no-secrets.js");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("unknown secret source type 'vault'");
    }
}
