package dev.k6j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.Sample;
import dev.k6j.testkit.OutputTestKit.BlockingStream;
import dev.k6j.testkit.OutputTestKit.Delivered;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every output must do, whatever it delivers to (Micrometer's idea of one compatibility kit for every
 * backend). Extend it in the output's tests, say how to configure the output and how to read back what it
 * delivered, and every output is held to the same lifecycle:
 *
 * <pre>{@code
 * class JsonOutputContractTest extends OutputContract {
 *     protected OutputFactory factory() { return new JsonOutputFactory(); }
 *     protected String argument() { return "results.json"; }
 *     protected String stdoutArgument() { return "-"; }
 *     protected List<Delivered> delivered() { ...parse workingDirectory.resolve("results.json")... }
 * }
 * }</pre>
 *
 * <p>Published in {@code k6j-spi-testkit}: the engine's json and csv outputs, Prometheus remote-write, Kafka and
 * the web dashboard pass it, and so should a third party's output.
 *
 * <p>The engine calls {@code start}, {@code stop} and the setters from its runner thread and
 * {@code addMetricSamples} from one ingester thread; the tests do the same.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class OutputContract {

    /** The folder relative file names are resolved against; fresh for each test. */
    @TempDir
    protected Path workingDirectory;

    /** What the output wrote to its standard output in the current test. */
    protected final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    /** The factory of the output under test. */
    protected abstract OutputFactory factory();

    /** An {@code --out} argument under which the output delivers to a place {@link #delivered()} reads back. */
    protected abstract String argument();

    /**
     * An argument under which the output writes to the standard output it is given; the kit blocks that stream
     * to make delivery slow. An output that never writes to stdout overrides {@link #slowDelivery} instead.
     */
    protected abstract String stdoutArgument();

    /** Every sample the output delivered in this test's run with {@link #argument()}, in any order. */
    protected abstract List<Delivered> delivered() throws Exception;

    /**
     * What {@link #delivered()} must hold once {@code added} went through the output: by default every sample as it
     * is. An output that aggregates before delivering (Prometheus remote-write sends each series' value so far)
     * says what its aggregates of {@code added} are, so the kit still proves that nothing was lost.
     */
    protected List<Delivered> expected(List<Sample> added) {
        return OutputTestKit.expected(added);
    }

    /** The output's section of the {@code --config} file; none by default. */
    protected Map<String, Object> jsonConfig() {
        return Map.of();
    }

    /** The environment the output sees; empty by default. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /**
     * Creates an output whose delivery blocks until {@code blocking} is released. By default: the output under
     * {@link #stdoutArgument()} with {@code blocking} as its standard output.
     */
    protected Output slowDelivery(BlockingStream blocking) {
        return newOutput(stdoutArgument(), new PrintStream(blocking, false, StandardCharsets.UTF_8));
    }

    /** The output under {@code argument}, created by the factory as the engine would create it. */
    protected Output newOutput(String argument, PrintStream out) {
        return factory().create(OutputTestKit.params(factory(), argument, jsonConfig(), environment(),
                workingDirectory, out));
    }

    private Output newOutput() {
        return newOutput(argument(), new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @Test
    void startAddStopDeliversEverySample() throws Exception {
        Output output = newOutput();
        output.start();
        List<Sample> added = new ArrayList<>();
        for (int batch = 0; batch < 10; batch++) {
            List<Sample> samples = OutputTestKit.samples(batch * 1000, 1000);
            output.addMetricSamples(samples);
            added.addAll(samples);
        }
        output.stop();

        assertThat(delivered()).containsExactlyInAnyOrderElementsOf(expected(added));
    }

    @Test
    void stopWithoutSamplesWorks() throws Exception {
        Output output = newOutput();
        output.start();
        output.stop();

        assertThat(delivered()).isEmpty();
    }

    @Test
    void addMetricSamplesReturnsQuicklyEvenIfDeliveryIsSlow() throws Exception {
        BlockingStream blocking = new BlockingStream();
        Output output = slowDelivery(blocking);
        output.start();
        try {
            blocking.block();
            // One ingester thread adds; with delivery blocked for as long as the test wants, adding must not wait.
            CompletableFuture<Void> adding = CompletableFuture
                    .runAsync(() -> output.addMetricSamples(OutputTestKit.samples(0, 100)));
            assertThat(blocking.awaitBlockedWriter(30, TimeUnit.SECONDS))
                    .as("delivery got stuck on the blocked stream").isTrue();
            CompletableFuture<Void> addingMore = adding.thenRun(() -> {
                for (int batch = 1; batch <= 50; batch++) {
                    output.addMetricSamples(OutputTestKit.samples(batch * 100, 100));
                }
            });
            assertThatCode(() -> addingMore.get(5, TimeUnit.SECONDS))
                    .as("addMetricSamples returned while delivery was blocked").doesNotThrowAnyException();
        } finally {
            blocking.release();
            output.stop();
        }
    }

    @Test
    void stopTwiceIsSafe() throws Exception {
        Output output = newOutput();
        output.start();
        List<Sample> samples = OutputTestKit.samples(0, 10);
        output.addMetricSamples(samples);
        output.stop();

        assertThatCode(output::stop).doesNotThrowAnyException();
        assertThat(delivered()).containsExactlyInAnyOrderElementsOf(expected(samples));
    }

    @Test
    void samplesAddedAfterStopAreIgnoredWithoutError() throws Exception {
        Output output = newOutput();
        output.start();
        output.stop();

        assertThatCode(() -> output.addMetricSamples(OutputTestKit.samples(0, 10))).doesNotThrowAnyException();
        assertThat(delivered()).isEmpty();
    }

    @Test
    void describesItselfInOneLine() {
        String description = newOutput().description();

        assertThat(description).isNotBlank().doesNotContain("\n").contains(factory().name());
    }

    @Test
    void theFactoryNameIsUsableAfterDashDashOut() {
        assertThat(factory().name()).isNotBlank().doesNotContain("=").doesNotContainAnyWhitespaces();
        assertThat(factory().version()).isNotBlank();
    }
}
