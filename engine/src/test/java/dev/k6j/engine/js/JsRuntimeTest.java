package dev.k6j.engine.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.loader.ScriptSources;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.junit.jupiter.api.Test;

/**
 * What {@code k6j version} and the run banner say about the JavaScript runtime (docs/runtime.md), and what scripts see
 * of the Java objects modules hand them.
 */
class JsRuntimeTest {

    @Test
    void theInterpreterNamesTheLaunchersReason() {
        assertThat(JsRuntime.describeMode("Interpreted", null,
                "the default with 2 CPUs; K6J_JS_RUNTIME=optimizing compiles hot JavaScript"))
                .isEqualTo("interpreter (the default with 2 CPUs; K6J_JS_RUNTIME=optimizing compiles hot JavaScript)");
        assertThat(JsRuntime.describeMode("Interpreted", "latency", " ")).isEqualTo("interpreter");
    }

    @Test
    void theOptimizingRuntimeNamesTheCompilerTheEngineModeAndTheReason() {
        assertThat(JsRuntime.describeMode("GraalVM CE", "latency", "K6J_JS_RUNTIME=optimizing is set"))
                .isEqualTo("optimizing (GraalVM CE JIT, engine mode latency; K6J_JS_RUNTIME=optimizing is set)");
        assertThat(JsRuntime.describeMode("GraalVM CE", null, null))
                .isEqualTo("optimizing (GraalVM CE JIT, engine mode default)");
    }

    @Test
    void aPreparedEngineServesTheNextRuntimeAndTheOneAfterBuildsItsOwn() {
        JsRuntime.prepare();
        for (int i = 0; i < 2; i++) {
            // Closing at once must wait for the prepared engine's first context, not fail on it.
            try (JsRuntime runtime = new JsRuntime();
                 Context context = runtime.newContext(Path.of(""), ScriptSources.local(null),
                         name -> null, new InitStage(() -> true))) {
                assertThat(context.eval("js", "[1, 2, 3].map((x) => x * 2).join()").asString()).isEqualTo("2,4,6");
            }
        }
    }

    @Test
    void aJvmWithoutTheGraalCompilerRunsTheInterpreterAndSaysSo() {
        // The tests run without the launcher's JVMCI flags, so GraalJS must report its fallback runtime.
        try (JsRuntime runtime = new JsRuntime()) {
            assertThat(runtime.optimizing()).isFalse();
            assertThat(runtime.mode()).startsWith("interpreter");
        }
    }

    /** A module host written as a record, as most built-in modules' hosts are. */
    public record RecordHost(String vu) {
        @HostAccess.Export
        public String greet() {
            return "hello";
        }
    }

    /** The same host written as a class. */
    public static final class ClassHost {
        private final String vu;

        ClassHost(String vu) {
            this.vu = vu;
        }

        @HostAccess.Export
        public String greet() {
            return "hello";
        }
    }

    @Test
    void aRecordHostShowsScriptsItsExportedMethodsAloneAsAClassHostDoes() {
        // A record adds public accessors, equals, hashCode and a toString naming its components: none may reach scripts.
        String seen = "[typeof host.greet, host.greet(), typeof host.vu, 'vu' in host, typeof host.equals,"
                + " typeof host.hashCode, String(host), JSON.stringify(host), Object.keys(host).join('|')].join(' ; ')";
        try (JsRuntime runtime = new JsRuntime();
             Context context = runtime.newContext(Path.of(""), ScriptSources.local(null), name -> null,
                     new InitStage(() -> true))) {
            context.getBindings("js").putMember("host", new RecordHost("the VU"));
            String record = context.eval("js", seen).asString();
            context.getBindings("js").putMember("host", new ClassHost("the VU"));
            String plainClass = context.eval("js", seen).asString();

            assertThat(record)
                    .isEqualTo("function ; hello ; undefined ; false ; undefined ; undefined ; [object Object] ; {} ; greet")
                    .isEqualTo(plainClass);
        }
    }
}
