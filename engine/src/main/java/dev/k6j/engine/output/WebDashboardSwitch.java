package dev.k6j.engine.output;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.ExtensionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * k6's other way to turn the web dashboard on: {@code K6_WEB_DASHBOARD=true} in the environment (or
 * {@code "webDashboard": true} in the config file; the environment wins) adds {@code --out web-dashboard}, as k6's
 * {@code createOutputs} does. The dashboard itself is an extension (k6j's {@code web-dashboard}, in the default
 * distribution); an engine without it answers with one line instead of silently ignoring the variable.
 * Stateless; any thread.
 */
public final class WebDashboardSwitch {

    /** The output's {@code --out} name, as in k6. */
    public static final String OUTPUT_NAME = "web-dashboard";
    static final String ENVIRONMENT_VARIABLE = "K6_WEB_DASHBOARD";
    static final String CONFIG_KEY = "webDashboard";

    private WebDashboardSwitch() {
    }

    /**
     * The {@code --out} values of the run: the flags, plus {@code web-dashboard} when the switch is on.
     *
     * @throws K6jException invalid config: a value other than {@code true}/{@code false} (k6 accepts only those), or
     *                      the switch on in an engine that has no web dashboard
     */
    public static List<String> outputs(List<String> outFlags, Map<String, String> environment,
                                       Map<String, Object> configFile, ExtensionRegistry registry) {
        if (!isOn(environment, configFile)) {
            return outFlags;
        }
        if (registry.findOutput(OUTPUT_NAME).isEmpty()) {
            throw K6jException.invalidConfig(ENVIRONMENT_VARIABLE + " asks for the web dashboard, but this k6j has no '"
                    + OUTPUT_NAME + "' output: it is k6j's '" + OUTPUT_NAME + "' extension, part of the default"
                    + " distribution; add it to a bundle with: bundler build --with " + OUTPUT_NAME);
        }
        List<String> all = new ArrayList<>(outFlags);
        all.add(OUTPUT_NAME);
        return all;
    }

    /**
     * The {@code --out} values a run asks for before its extensions are known: the flags, plus {@code web-dashboard}
     * when the environment or the config file turns the switch on, so that extensions on demand fetch the dashboard
     * for an engine without it.
     *
     * @throws K6jException invalid config: a value other than {@code true}/{@code false}
     */
    public static List<String> requested(List<String> outFlags, Map<String, String> environment,
                                         Map<String, Object> configFile) {
        if (!isOn(environment, configFile) || outFlags.contains(OUTPUT_NAME)) {
            return outFlags;
        }
        List<String> all = new ArrayList<>(outFlags);
        all.add(OUTPUT_NAME);
        return all;
    }

    static boolean isOn(Map<String, String> environment, Map<String, Object> configFile) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value != null) {
            return switch (value) {
                case "true" -> true;
                case "false", "" -> false;
                default -> throw K6jException.invalidConfig(ENVIRONMENT_VARIABLE + " must be true or false, not '"
                        + value + "'");
            };
        }
        Object fromFile = configFile.get(CONFIG_KEY);
        if (fromFile == null || fromFile instanceof Boolean) {
            return Boolean.TRUE.equals(fromFile);
        }
        throw K6jException.invalidConfig("the config file's " + CONFIG_KEY + " must be true or false, not " + fromFile);
    }
}
