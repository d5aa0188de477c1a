package dev.k6j.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.extension.ExtensionJar;
import dev.k6j.engine.extension.SpiCompatibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: drop-in plugins and missing extensions, as a user meets them on the command line. */
class PluginsCliTest {

    @TempDir
    Path tmp;

    Path plugins;
    Path script;

    @BeforeEach
    void pluginAndScript() throws IOException {
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        script = tmp.resolve("greet.js");
        Files.writeString(script, """
                import { greet } from 'k6/x/greeter';
                export const options = { iterations: 2 };
                export default function () { console.log(greet('k6j')); }
                """);
    }

    @Test
    void aModuleInAPluginsFolderIsImportedWithoutRebuilding() throws IOException {
        greeter().build(plugins);

        CliRun run = CliRun.of("run", "-q", "--plugins-dir", plugins.toString(), script.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("hello k6j from VU 1");
    }

    @Test
    void versionListsThePluginWithItsVersionAndJar() throws IOException {
        greeter().version("1.4.0").build(plugins);

        CliRun run = CliRun.of("version", "--plugins-dir", plugins.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).containsPattern("(?m)^SPI: v\\d+\\.\\d+")
                .contains("Plugins folder: " + plugins)
                .contains("  k6/x/greeter 1.4.0, js [plugin " + plugins.resolve("greeter.jar") + "]")
                .containsPattern("(?m)^  json \\d+\\.\\d+\\.\\d+\\S*, output \\[built-in]$");
    }

    @Test
    void withoutThePluginTheImportFailsBeforeAnyIterationNamingWhatIsPresent() {
        CliRun run = CliRun.of("run", "-q", "--plugins-dir", plugins.toString(), script.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr()).contains("the extension module 'k6/x/greeter' is not in this k6j build")
                .contains("bundler build --with").contains("Modules present: k6, ")
                .doesNotContain("hello");
    }

    @Test
    void aPluginBuiltForAnotherSpiStopsOnlyTheScriptsThatNeedIt() throws IOException {
        greeter().manifest(SpiCompatibility.MANIFEST_ATTRIBUTE, "[7.0,8.0)").build(plugins);
        Path other = tmp.resolve("other.js");
        Files.writeString(other, "export default function () { console.log('ran without the plugin'); }\n");

        CliRun needs = CliRun.of("run", "-q", "--plugins-dir", plugins.toString(), script.toString());
        CliRun doesNot = CliRun.of("run", "-q", "--plugins-dir", plugins.toString(), other.toString());

        assertThat(needs.exitCode()).as(needs.all()).isEqualTo(104);
        assertThat(needs.stderr()).contains("level=error msg=\"the plugin " + plugins.resolve("greeter.jar")
                + " was built for the k6j SPI [7.0,8.0)").contains("that plugin may provide the module "
                + "'k6/x/greeter', which the script imports").doesNotContain("\tat ");
        assertThat(doesNot.exitCode()).as(doesNot.all()).isZero();
        assertThat(doesNot.stderr()).contains("level=warning").contains("the plugin " + plugins.resolve("greeter.jar")
                + " was built for the k6j SPI [7.0,8.0)").contains("it is not loaded")
                .contains("ran without the plugin");
    }

    @Test
    void aCorruptPluginJarIsWarnedAboutAndTheRunGoesOn() throws IOException {
        Files.write(plugins.resolve("corrupt.jar"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Path other = tmp.resolve("other.js");
        Files.writeString(other, "export default function () { console.log('ran'); }\n");

        CliRun run = CliRun.of("run", "-q", "--plugins-dir", plugins.toString(), other.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("level=warning").contains(plugins.resolve("corrupt.jar").toString())
                .contains("it is not loaded").contains("ran");
    }

    @Test
    void anUnknownOutputFailsBeforeTheScriptsInitCodeRuns() throws IOException {
        Path noisy = tmp.resolve("noisy.js");
        Files.writeString(noisy, "console.log('init ran');\nexport default function () {}\n");

        CliRun run = CliRun.of("run", "-q", "--out", "kafka=localhost:9092", noisy.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("unknown output 'kafka'").contains("bundler build --with kafka")
                .doesNotContain("init ran");
    }

    @Test
    void aPluginsFolderThatDoesNotExistIsAnError() {
        CliRun run = CliRun.of("run", "-q", "--plugins-dir", tmp.resolve("nope").toString(), script.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("the plugins folder " + tmp.resolve("nope") + " (from --plugins-dir) does not exist");
    }

    private static ExtensionJar greeter() {
        return ExtensionJar.named("greeter.jar")
                .source("com.acme.Greeter", """
                        package com.acme;
                        import dev.k6j.spi.*;
                        import java.util.Map;
                        import org.graalvm.polyglot.HostAccess;
                        public final class Greeter implements JsModule {
                            public String name() { return "k6/x/greeter"; }
                            public ModuleInstance newInstance(Vu vu) {
                                return () -> Exports.of(Map.of("greet", new Greeting(vu)));
                            }
                            public static final class Greeting implements org.graalvm.polyglot.proxy.ProxyExecutable {
                                private final Vu vu;
                                Greeting(Vu vu) { this.vu = vu; }
                                public Object execute(org.graalvm.polyglot.Value... args) {
                                    return "hello " + args[0].asString() + " from VU " + vu.state().id();
                                }
                            }
                        }
                        """)
                .service("dev.k6j.spi.JsModule", "com.acme.Greeter");
    }
}
