package dev.k6j.engine.run;

import dev.k6j.engine.config.Durations;
import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.executor.ExecutionPlan;
import dev.k6j.engine.executor.Executors;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.JsRuntime;
import dev.k6j.engine.js.ModuleRegistry;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.metrics.MetricRegistryImpl;
import dev.k6j.engine.scenario.ScenarioConfig;
import dev.k6j.engine.vu.ConsoleLog;
import dev.k6j.engine.vu.SystemTags;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.engine.vu.VuEnvironment;
import dev.k6j.spi.TagSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs a script's init code once (which also reads every module and file it needs into the script's sources) and
 * returns its consolidated options: for {@code k6j inspect}, with the scenarios they imply and, on request, k6's
 * execution requirements; for {@code k6j archive}, as they are.
 */
public final class OptionsInspector {

    /**
     * What the init code told.
     *
     * @param consolidated the options of every layer merged, before scenarios are derived (what archives keep)
     * @param options      the same, typed, with the scenarios
     */
    public record Inspection(Map<String, Object> consolidated, TestOptions options) {
    }

    private OptionsInspector() {
    }

    /** Runs the init code on one VU and consolidates the options (config file, script, K6_* environment, flags). */
    public static Inspection inspect(Script script, Map<String, Object> cli, Path configFile,
                                     Map<String, String> environment, Map<String, String> systemEnvironment,
                                     ExtensionRegistry extensions, ConsoleLog console) {
        ScheduledExecutorService timers = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().factory());
        try (JsRuntime runtime = new JsRuntime()) {
            TestRunState testRun = new TestRunState(Map.of());
            VuEnvironment env = new VuEnvironment(runtime, script, new ModuleRegistry(extensions.jsModules(), extensions::brokenPluginFor),
                    new MetricRegistryImpl(), samples -> { }, testRun, environment, TagSet.EMPTY, SystemTags.DEFAULT,
                    console, timers);
            VirtualUser vu = new VuFactory(env, testRun).create(0);
            try {
                Map<String, Object> raw = ScriptOptions.consolidate(configFile, ScriptOptions.exported(vu),
                        systemEnvironment, cli);
                return new Inspection(raw, TestOptions.from(raw));
            } finally {
                vu.close();
            }
        } finally {
            timers.shutdownNow();
        }
    }

    /** {@code k6j inspect}: the consolidated options with the scenarios they turn into. */
    public static Map<String, Object> withScenarios(Inspection inspection) {
        Map<String, Object> result = new LinkedHashMap<>(inspection.consolidated());
        result.put("scenarios", scenarios(inspection.options()));
        return result;
    }

    /**
     * {@code k6j inspect --execution-requirements}, as k6's: the options with the derived scenarios and k6's
     * defaults for {@code summaryTrendStats} and {@code systemTags}, plus {@code totalDuration} (the longest the
     * test may take, graceful stops included, as a Go duration) and {@code maxVUs} (the most VUs it may need).
     */
    public static Map<String, Object> executionRequirements(Inspection inspection) {
        TestOptions options = inspection.options();
        ExecutionPlan plan = ExecutionPlan.of(Executors.createAll(options.scenarios(), options.executionTuple()));
        Map<String, Object> result = withScenarios(inspection);
        result.putIfAbsent("summaryTrendStats", TestOptions.DEFAULT_TREND_STATS);
        result.putIfAbsent("systemTags", List.copyOf(new TreeSet<>(SystemTags.DEFAULT.names())));
        Duration total = plan.endOffset();
        result.put("totalDuration", Durations.format(total));
        result.put("maxVUs", plan.maxPossibleVus());
        return result;
    }

    private static Map<String, Object> scenarios(TestOptions options) {
        Map<String, Object> scenarios = new LinkedHashMap<>();
        for (ScenarioConfig scenario : options.scenarios()) {
            scenarios.put(scenario.name(), scenario.params());
        }
        return scenarios;
    }
}
