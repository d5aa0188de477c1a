package dev.k6j.engine.config;

import dev.k6j.engine.errors.K6jException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses stage shortcuts written as {@code duration:target} ({@code -s 30s:10}, {@code K6_STAGES=30s:10,1m:0}). */
public final class Stages {

    private Stages() {
    }

    /** Parses each {@code duration:target} into the JSON form {@code {duration, target}}. */
    public static List<Map<String, Object>> parseList(List<String> texts, String where) {
        List<Map<String, Object>> stages = new ArrayList<>();
        for (String text : texts) {
            String[] parts = text.trim().split(":");
            if (parts.length != 2) {
                throw K6jException.invalidConfig("invalid stage '" + text + "' in " + where
                        + ": write duration:target, such as 30s:10");
            }
            Durations.parse(parts[0], "a stage in " + where);
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("duration", parts[0]);
            try {
                stage.put("target", Long.parseLong(parts[1]));
            } catch (NumberFormatException e) {
                throw K6jException.invalidConfig("invalid stage target '" + parts[1] + "' in " + where
                        + ": it must be a whole number of VUs");
            }
            stages.add(stage);
        }
        return stages;
    }
}
