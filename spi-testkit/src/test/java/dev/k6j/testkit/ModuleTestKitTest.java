package dev.k6j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.spi.Exports;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.ModuleInstance;
import dev.k6j.spi.PromiseHandle;
import dev.k6j.spi.Vu;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

class ModuleTestKitTest {

    @Test
    void aSyncCallAnAwaitedPromiseFromAnotherThreadAndACustomMetric() {
        try (ModuleTestKit kit = ModuleTestKit.of(new EchoModule())) {
            ScriptRun run = kit.run("""
                    import { echo, echoLater } from 'k6/x/echo';
                    import { check } from 'k6';
                    export default async function () {
                        console.log(echo('now'));
                        const later = await echoLater('later');
                        check(later, { 'came back': (v) => v === 'echo later', 'is now': (v) => v === 'now' });
                        console.log(later);
                    }
                    """, 3);

            assertThat(run.allCompleted()).as(run.console().toString()).isTrue();
            assertThat(run.console()).containsSubsequence("INFO echo now", "INFO echo later");
            assertThat(run.sum("echoes")).isEqualTo(6);
            assertThat(run.values("checks")).containsExactly(1.0, 0.0, 1.0, 0.0, 1.0, 0.0);
            assertThat(run.checks()).containsExactly(Map.entry("came back", true), Map.entry("is now", false));
            assertThat(run.sum("iterations")).isEqualTo(3);
        }
    }

    @Test
    void anIterationThatThrowsIsFailedWithItsErrorLine() {
        try (ModuleTestKit kit = ModuleTestKit.of(new EchoModule())) {
            ScriptRun run = kit.run("""
                    import { echo } from 'k6/x/echo';
                    export default function () { throw new Error('boom ' + echo('x')); }
                    """);

            assertThat(run.outcomes()).containsExactly("FAILED");
            assertThat(run.errors()).singleElement().asString().contains("boom echo x");
        }
    }

    @Test
    void aMissingModuleFailsTheInitWithTheEnginesMessage() {
        try (ModuleTestKit kit = ModuleTestKit.of()) {
            assertThatThrownBy(() -> kit.run("import nope from 'k6/x/nope';\nexport default function () {}"))
                    .isInstanceOf(ScriptException.class)
                    .hasMessageContaining("'k6/x/nope' is not in this k6j build");
        }
    }

    @Test
    void environmentVariablesReachTheScript() {
        try (ModuleTestKit kit = ModuleTestKit.of().env("WHO", "tester")) {
            assertThat(kit.run("export default function () { console.log('hi ' + __ENV.WHO); }").console())
                    .containsExactly("INFO hi tester");
        }
    }

    @Test
    void vuReadFileServesTheInitStageOnlyAsEveryWayIntoTheFileSystem(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path folder) throws java.io.IOException {
        java.nio.file.Files.writeString(folder.resolve("data.txt"), "file content");
        try (ModuleTestKit kit = ModuleTestKit.of(new ReaderModule()).workingDirectory(folder)) {
            ScriptRun run = kit.run("""
                    import { read } from 'k6/x/reader';
                    console.log('init: ' + read('data.txt'));
                    export default function () { console.log('iteration: ' + read('data.txt')); }
                    """);

            assertThat(run.console()).contains("INFO init: file content");
            assertThat(run.errors()).singleElement().asString()
                    .contains("files can only be read in the init stage").doesNotContain("file content");
        }
    }

    /** A module that reads a file through {@link Vu#readFile}, as extensions do (gRPC's .proto files). */
    public static final class ReaderModule implements JsModule {
        @Override
        public String name() {
            return "k6/x/reader";
        }

        @Override
        public ModuleInstance newInstance(Vu vu) {
            return () -> Exports.of(Map.of("read", (org.graalvm.polyglot.proxy.ProxyExecutable) a -> {
                try {
                    return new String(vu.readFile(vu.resolvePath(a[0].asString())),
                            java.nio.charset.StandardCharsets.UTF_8);
                } catch (java.io.UncheckedIOException e) {
                    throw vu.jsError("Error", e.getCause().getMessage());
                }
            }));
        }
    }

    /** A module with a sync function, a Promise-returning one completed on another thread, and a counter. */
    public static final class EchoModule implements JsModule {
        @Override
        public String name() {
            return "k6/x/echo";
        }

        @Override
        public ModuleInstance newInstance(Vu vu) {
            Echo echo = new Echo(vu, vu.metrics().register("echoes", MetricType.COUNTER));
            return () -> Exports.of(Map.of("echo", (org.graalvm.polyglot.proxy.ProxyExecutable) a ->
                    echo.echo(a[0].asString()), "echoLater", (org.graalvm.polyglot.proxy.ProxyExecutable) a ->
                    echo.echoLater(a[0].asString())));
        }
    }

    public static final class Echo {
        private final Vu vu;
        private final Metric echoes;

        Echo(Vu vu, Metric echoes) {
            this.vu = vu;
            this.echoes = echoes;
        }

        public String echo(String text) {
            vu.emit(echoes.sample(1, vu.state().tags()));
            return "echo " + text;
        }

        public Value echoLater(String text) {
            PromiseHandle promise = vu.eventLoop().newPromise();
            vu.emit(echoes.sample(1, vu.state().tags()));
            CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS).execute(() -> promise.resolve("echo " + text));
            return promise.promise();
        }
    }
}
