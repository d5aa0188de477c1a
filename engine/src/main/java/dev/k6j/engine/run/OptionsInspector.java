package dev.k6j.engine.run;

import dev.k6j.engine.config.ScenarioConfig;
import dev.k6j.engine.config.TestOptions;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.JsRuntime;
import dev.k6j.engine.js.ModuleRegistry;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.metrics.MetricRegistryImpl;
import dev.k6j.engine.vu.ConsoleLog;
import dev.k6j.engine.vu.SystemTags;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.engine.vu.VuEnvironment;
import dev.k6j.spi.TagSet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Runs a script's init code once and returns its consolidated options, with the scenarios they imply. */
public final class OptionsInspector {

    private OptionsInspector() {
    }

    public static Map<String, Object> consolidatedOptions(Script script, Map<String, Object> cli, Path configFile,
                                                          Map<String, String> environment,
                                                          Map<String, String> systemEnvironment,
                                                          ExtensionRegistry extensions) {
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().factory());
        try (JsRuntime runtime = new JsRuntime()) {
            TestRunState testRun = new TestRunState(Map.of());
            VuEnvironment env = new VuEnvironment(runtime, script, new ModuleRegistry(extensions.jsModules(), extensions::brokenPluginFor),
                    new MetricRegistryImpl(), samples -> { }, testRun, environment, TagSet.EMPTY, SystemTags.DEFAULT,
                    new ConsoleLog(System.err, false, false), timers, new ConcurrentHashMap<>());
            VirtualUser vu = new VuFactory(env, testRun).create(0);
            try {
                Map<String, Object> raw = ScriptOptions.consolidate(configFile, ScriptOptions.exported(vu),
                        systemEnvironment, cli);
                TestOptions options = TestOptions.from(raw);
                Map<String, Object> result = new LinkedHashMap<>(raw);
                Map<String, Object> scenarios = new LinkedHashMap<>();
                for (ScenarioConfig scenario : options.scenarios()) {
                    scenarios.put(scenario.name(), scenario.params());
                }
                result.put("scenarios", scenarios);
                return result;
            } finally {
                vu.close();
            }
        } finally {
            timers.shutdownNow();
        }
    }
}
