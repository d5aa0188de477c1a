package dev.k6j.engine.vu;

import dev.k6j.engine.js.JsRuntime;
import dev.k6j.engine.js.ModuleRegistry;
import dev.k6j.engine.js.Script;
import dev.k6j.spi.MetricRegistry;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.TestRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * What every VU of a test run shares. Immutable apart from the thread-safe caches.
 *
 * @param runtime        the shared GraalJS engine
 * @param script         the test script
 * @param modules        the importable modules
 * @param metrics        the metric registry
 * @param sampleSink     where samples go (the metrics engine); thread-safe
 * @param testRun        control of the run
 * @param environment    {@code __ENV}
 * @param testTags       tags on every sample ({@code options.tags}, {@code --tag})
 * @param systemTags     enabled system tags
 * @param console        where {@code console.*} writes
 * @param timers         the scheduler behind {@code setTimeout} and {@code setInterval}
 */
public record VuEnvironment(
        JsRuntime runtime,
        Script script,
        ModuleRegistry modules,
        MetricRegistry metrics,
        Consumer<List<Sample>> sampleSink,
        TestRun testRun,
        Map<String, String> environment,
        TagSet testTags,
        SystemTags systemTags,
        ConsoleLog console,
        ScheduledExecutorService timers) {
}
