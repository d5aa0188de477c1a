package dev.k6j.engine.scenario;

import dev.k6j.engine.config.OptionValues;
import dev.k6j.engine.errors.K6jException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stage of a ramping executor: move linearly to {@code target} over {@code duration}.
 *
 * @param duration how long the stage lasts
 * @param target   the VUs (or rate) at its end
 */
public record Stage(Duration duration, long target) {

    static List<Stage> parse(Object value, String where) {
        List<Stage> stages = new ArrayList<>();
        int index = 0;
        for (Object item : OptionValues.list(value, where)) {
            String here = where + "[" + index++ + "]";
            Map<String, Object> stage = OptionValues.object(item, here);
            if (stage.get("duration") == null) {
                throw K6jException.invalidConfig(here + " needs a duration, such as { duration: '30s', target: 10 }");
            }
            Duration duration = OptionValues.duration(stage.get("duration"), here + ".duration", Duration.ZERO);
            long target = OptionValues.nonNegative(stage.get("target"), here + ".target", 0);
            stages.add(new Stage(duration, target));
        }
        return stages;
    }

    /** The sum of the stages' durations. */
    public static Duration total(List<Stage> stages) {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
