package dev.k6j.engine.output.json;

import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.OutputParams;
import java.time.ZoneId;

/** Creates the built-in {@code json} output. Registered in {@code META-INF/services/dev.k6j.spi.OutputFactory}. */
public final class JsonOutputFactory implements OutputFactory {

    /** The {@code --out} name. */
    public static final String NAME = "json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Output create(OutputParams params) {
        return new JsonOutput(JsonConfig.from(params), params.workingDirectory(), params.stdout(),
                ZoneId.systemDefault());
    }
}
