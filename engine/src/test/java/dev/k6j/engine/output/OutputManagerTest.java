package dev.k6j.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.OutputParams;
import dev.k6j.spi.RunStatus;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import dev.k6j.spi.WithRunStatusUpdates;
import dev.k6j.spi.WithTestRunStop;
import dev.k6j.spi.WithThresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputManagerTest {

    private static final Metric ITERATIONS = new Metric("iterations", MetricType.COUNTER, ValueType.DEFAULT);

    @TempDir
    Path dir;

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private OutputContext context() {
        return new OutputContext(Map.of("collectors", Map.of("recording", Map.of("x", 1))),
                Map.of("K6_X", "y"), Map.of("vus", 2), dir, System.out, System.err);
    }

    private ExtensionRegistry registryOf(RecordingOutput.Factory... factories) {
        return ExtensionRegistry.of(List.of(), List.of(factories));
    }

    @Test
    void anUnknownOutputNamesTheAvailableOnesAndTheBundler() {
        ExtensionRegistry builtIns = ExtensionRegistry.discover(getClass().getClassLoader());

        assertThatThrownBy(() -> OutputManager.create(List.of("foo"), builtIns, context()))
                .isInstanceOfSatisfying(K6jException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG))
                .hasMessage("unknown output 'foo': available outputs are csv, json. To add an output extension, "
                        + "bundle it (bundler build --with <group:artifact[:version]>) or drop its jar into the"
                        + " plugins folder (--plugins-dir, K6J_PLUGINS_DIR)");
    }

    @Test
    void k6jsOwnExtensionOutputsNameTheirBundle() {
        ExtensionRegistry builtIns = ExtensionRegistry.discover(getClass().getClassLoader());

        assertThatThrownBy(() -> OutputManager.create(List.of("experimental-prometheus-rw=http://x"), builtIns, context()))
                .hasMessageEndingWith("bundler build --with prometheus");
        assertThatThrownBy(() -> OutputManager.create(List.of("web-dashboard=port=0"), builtIns, context()))
                .hasMessageEndingWith("bundler build --with web-dashboard");
    }

    @Test
    void k6OutputsThatK6jDoesNotShipSaySo() {
        ExtensionRegistry builtIns = ExtensionRegistry.discover(getClass().getClassLoader());

        for (String name : List.of("influxdb", "cloud", "statsd", "datadog", "opentelemetry")) {
            assertThatThrownBy(() -> OutputManager.create(List.of(name), builtIns, context()))
                    .isInstanceOf(K6jException.class)
                    .hasMessage("the '" + name + "' output of k6 is not available in k6j: available outputs are csv, json");
        }
    }

    @Test
    void eachOutputGetsItsArgumentItsConfigSectionAndTheRun() {
        RecordingOutput.Factory factory = new RecordingOutput.Factory("recording", events);

        OutputManager manager = OutputManager.create(List.of("recording=abc=1"), registryOf(factory), context());

        OutputParams params = factory.params.getFirst();
        assertThat(params.name()).isEqualTo("recording");
        assertThat(params.configArgument()).isEqualTo("abc=1");
        assertThat(params.jsonConfig()).containsExactly(Map.entry("x", 1));
        assertThat(params.environment()).containsEntry("K6_X", "y");
        assertThat(params.scriptOptions()).containsEntry("vus", 2);
        assertThat(params.workingDirectory()).isEqualTo(dir);
        assertThat(params.logger()).isNotNull();
        assertThat(manager.descriptions()).containsExactly("recording (abc=1)");
    }

    @Test
    void anOutputRejectingItsConfigIsOneInvalidConfigLine() {
        ExtensionRegistry builtIns = ExtensionRegistry.discover(getClass().getClassLoader());

        assertThatThrownBy(() -> OutputManager.create(List.of("csv=timeFormat=iso"), builtIns, context()))
                .isInstanceOfSatisfying(K6jException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG))
                .hasMessageStartingWith("could not create the 'csv' output: invalid timeFormat 'iso'");
    }

    @Test
    void aFileThatCannotBeOpenedStopsTheStartWithOneLine() {
        ExtensionRegistry builtIns = ExtensionRegistry.discover(getClass().getClassLoader());
        OutputManager manager = OutputManager.create(List.of("json=missing/results.json"), builtIns, context());

        assertThatThrownBy(manager::start)
                .isInstanceOfSatisfying(K6jException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG))
                .hasMessageStartingWith("could not start the 'json' output: cannot write results to 'missing/results.json': "
                        + "the folder ")
                .hasMessageEndingWith("does not exist");
    }

    @Test
    void aFailingStartStopsTheOutputsAlreadyStarted() {
        RecordingOutput.Factory good = new RecordingOutput.Factory("good", events);
        RecordingOutput.Factory bad = new RecordingOutput.Factory("bad", events);
        bad.failStart = true;
        OutputManager manager = OutputManager.create(List.of("good", "bad"), registryOf(good, bad), context());

        assertThatThrownBy(manager::start)
                .isInstanceOf(K6jException.class)
                .hasMessage("could not start the 'bad' output: bad refused to start");
        assertThat(events).containsExactly("good start", "good status ABORTED_SYSTEM", "good stop");
    }

    @Test
    void samplesGoToEveryOutputEvenIfOneThrows() {
        RecordingOutput.Factory first = new RecordingOutput.Factory("first", events);
        RecordingOutput.Factory second = new RecordingOutput.Factory("second", events);
        first.failAdd = true;
        OutputManager manager = OutputManager.create(List.of("first", "second"), registryOf(first, second), context());
        manager.start();

        manager.addMetricSamples(List.of(ITERATIONS.sample(1, TagSet.EMPTY), ITERATIONS.sample(1, TagSet.EMPTY)));
        manager.addMetricSamples(List.of());

        assertThat(second.outputs.getFirst().received).hasSize(2);
        manager.stop(RunStatus.FINISHED);
    }

    @Test
    void startTwiceStartsEachOutputOnce() {
        RecordingOutput.Factory factory = new RecordingOutput.Factory("recording", events);
        OutputManager manager = OutputManager.create(List.of("recording"), registryOf(factory), context());

        manager.start();
        manager.start();
        manager.stop(RunStatus.FINISHED);

        assertThat(events).containsExactly("recording start", "recording status FINISHED", "recording stop");
    }

    @Test
    void samplesBeforeStartAreNotDelivered() {
        RecordingOutput.Factory factory = new RecordingOutput.Factory("recording", events);
        OutputManager manager = OutputManager.create(List.of("recording"), registryOf(factory), context());

        manager.addMetricSamples(List.of(ITERATIONS.sample(1, TagSet.EMPTY)));

        assertThat(factory.outputs.getFirst().received).isEmpty();
    }

    @Test
    void stopGivesTheRunStatusFirstNeverThrowsAndRunsOnce() {
        RecordingOutput.Factory first = new RecordingOutput.Factory("first", events);
        RecordingOutput.Factory second = new RecordingOutput.Factory("second", events);
        first.failStop = true;
        OutputManager manager = OutputManager.create(List.of("first", "second"), registryOf(first, second), context());
        manager.start();
        events.clear();

        assertThatCode(() -> manager.stop(RunStatus.ABORTED_THRESHOLD)).doesNotThrowAnyException();
        manager.stop(RunStatus.FINISHED);

        assertThat(events).containsExactly("first status ABORTED_THRESHOLD", "first stop",
                "second status ABORTED_THRESHOLD", "second stop");
    }

    @Test
    void thresholdsAndTheStopCallbackReachTheOutputsThatWantThem() {
        RecordingOutput.Factory factory = new RecordingOutput.Factory("recording", events);
        OutputManager manager = OutputManager.create(List.of("recording"), registryOf(factory), context());
        List<Throwable> stops = new ArrayList<>();

        manager.setThresholds(Map.of("http_req_duration", List.of("p(95)<500")));
        manager.setTestRunStopCallback(stops::add);

        RecordingOutput output = factory.outputs.getFirst();
        assertThat(output.thresholds).containsEntry("http_req_duration", List.of("p(95)<500"));
        output.stopCallback.accept(new IllegalStateException("backend refused the run"));
        assertThat(stops).hasSize(1);
    }

    @Test
    void theBuiltInOutputsRunThroughTheManager() throws Exception {
        ExtensionRegistry builtIns = ExtensionRegistry.discover(getClass().getClassLoader());
        OutputManager manager = OutputManager.create(List.of("json=r.json", "csv=r.csv"), builtIns, context());

        manager.start();
        manager.addMetricSamples(List.of(ITERATIONS.sample(1, TagSet.of("scenario", "default"))));
        manager.stop(RunStatus.FINISHED);

        assertThat(manager.descriptions()).containsExactly("json (r.json)", "csv (r.csv)");
        assertThat(Files.readAllLines(dir.resolve("r.json"))).hasSize(2);
        assertThat(Files.readAllLines(dir.resolve("r.csv"))).hasSize(2);
    }

    /** An output that records what happens to it. */
    static final class RecordingOutput implements Output, WithThresholds, WithTestRunStop, WithRunStatusUpdates {
        private final String name;
        private final String argument;
        private final Factory factory;
        final List<Sample> received = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<String>> thresholds;
        Consumer<Throwable> stopCallback;

        RecordingOutput(String name, String argument, Factory factory) {
            this.name = name;
            this.argument = argument;
            this.factory = factory;
        }

        @Override
        public String description() {
            return argument.isEmpty() ? name : name + " (" + argument + ")";
        }

        @Override
        public void start() {
            if (factory.failStart) {
                throw new IllegalStateException(name + " refused to start");
            }
            factory.events.add(name + " start");
        }

        @Override
        public void addMetricSamples(List<Sample> samples) {
            if (factory.failAdd) {
                throw new IllegalStateException(name + " is full");
            }
            received.addAll(samples);
        }

        @Override
        public void stop() throws Exception {
            factory.events.add(name + " stop");
            if (factory.failStop) {
                throw new java.io.IOException(name + " could not flush");
            }
        }

        @Override
        public void setThresholds(Map<String, List<String>> thresholds) {
            this.thresholds = thresholds;
        }

        @Override
        public void setTestRunStopCallback(Consumer<Throwable> stop) {
            this.stopCallback = stop;
        }

        @Override
        public void setRunStatus(RunStatus status) {
            factory.events.add(name + " status " + status);
        }

        static final class Factory implements OutputFactory {
            private final String name;
            private final List<String> events;
            final List<OutputParams> params = new ArrayList<>();
            final List<RecordingOutput> outputs = new ArrayList<>();
            boolean failStart;
            boolean failAdd;
            boolean failStop;

            Factory(String name, List<String> events) {
                this.name = name;
                this.events = events;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public Output create(OutputParams params) {
                this.params.add(params);
                RecordingOutput output = new RecordingOutput(name, params.configArgument(), this);
                outputs.add(output);
                return output;
            }
        }
    }
}
