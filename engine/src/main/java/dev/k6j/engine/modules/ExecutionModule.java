package dev.k6j.engine.modules;

import dev.k6j.spi.ScenarioState;
import dev.k6j.spi.TestRun;
import dev.k6j.spi.Vu;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** The {@code k6/execution} module: information about the test run, the scenario and the VU, and test control. */
public final class ExecutionModule extends GlueModule {

    public ExecutionModule() {
        super("k6/execution", "execution.js", Host::new);
    }

    /** Per-VU host of k6/execution. VU thread only. */
    public record Host(Vu vu) {

        private TestRun run() {
            return vu.testRun();
        }

        @HostAccess.Export
        public long iterationsInterrupted() {
            return run().iterationsInterrupted();
        }

        @HostAccess.Export
        public long iterationsCompleted() {
            return run().iterationsCompleted();
        }

        @HostAccess.Export
        public long vusActive() {
            return run().vusActive();
        }

        @HostAccess.Export
        public long vusInitialized() {
            return run().vusInitialized();
        }

        @HostAccess.Export
        public double currentTestRunDuration() {
            return run().elapsed().toNanos() / 1e6;
        }

        private ScenarioState scenario(String what) {
            ScenarioState scenario = vu.state().scenario();
            if (scenario == ScenarioState.NONE) {
                throw vu.jsError("Error", "getting scenario information outside of a scenario (in the init "
                        + "context, setup or teardown) is not supported: exec.scenario." + what);
            }
            return scenario;
        }

        @HostAccess.Export
        public String scenarioName() {
            return scenario("name").name();
        }

        @HostAccess.Export
        public String scenarioExecutor() {
            return scenario("executor").executor();
        }

        @HostAccess.Export
        public double scenarioStartTime() {
            return scenario("startTime").startTimeMillis();
        }

        @HostAccess.Export
        public double scenarioProgress() {
            return scenario("progress").progress();
        }

        @HostAccess.Export
        public long scenarioIterationInInstance() {
            return scenario("iterationInInstance").iterationInInstance();
        }

        @HostAccess.Export
        public long scenarioIterationInTest() {
            return scenario("iterationInTest").iterationInTest();
        }

        @HostAccess.Export
        public long vuIdInInstance() {
            return vu.state().id();
        }

        @HostAccess.Export
        public long vuIdInTest() {
            return vu.state().idInTest();
        }

        @HostAccess.Export
        public long vuIterationInInstance() {
            return vu.state().iteration();
        }

        @HostAccess.Export
        public long vuIterationInScenario() {
            return vu.state().iterationInScenario();
        }

        @HostAccess.Export
        public Value options() {
            return vu.toJs(run().options());
        }

        @HostAccess.Export
        public void abort(String reason) {
            String message = reason == null || reason.isEmpty() ? "test aborted" : reason;
            run().abort(message);
            throw vu.jsError("Error", "test aborted: " + message);
        }

        @HostAccess.Export
        public void fail(String reason) {
            run().fail(reason == null || reason.isEmpty() ? "test marked as failed" : reason);
        }

        // ---- vu.metrics.tags / metadata ----

        @HostAccess.Export
        public String tag(String name) {
            return vu.state().tags().get(name);
        }

        @HostAccess.Export
        public List<String> tagNames() {
            return new ArrayList<>(vu.state().tags().asMap().keySet());
        }

        @HostAccess.Export
        public void setTag(String name, Value value) {
            vu.state().setTag(name, scalar(name, value));
        }

        @HostAccess.Export
        public void deleteTag(String name) {
            vu.state().removeTag(name);
        }

        @HostAccess.Export
        public String metadata(String name) {
            return vu.state().metadata().get(name);
        }

        @HostAccess.Export
        public List<String> metadataNames() {
            return new ArrayList<>(vu.state().metadata().asMap().keySet());
        }

        @HostAccess.Export
        public void setMetadata(String name, Value value) {
            vu.state().setMetadata(name, scalar(name, value));
        }

        @HostAccess.Export
        public void deleteMetadata(String name) {
            vu.state().removeMetadata(name);
        }

        private String scalar(String name, Value value) {
            if (value.isString()) {
                return value.asString();
            }
            if (value.isNumber() || value.isBoolean()) {
                return value.toString();
            }
            throw vu.jsError("TypeError", "invalid value for metric tag '" + name
                    + "': only String, Boolean and Number types are accepted");
        }
    }
}
