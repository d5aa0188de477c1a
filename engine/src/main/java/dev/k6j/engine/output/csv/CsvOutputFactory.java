package dev.k6j.engine.output.csv;

import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.OutputParams;
import java.time.ZoneId;

/** Creates the built-in {@code csv} output. Registered in {@code META-INF/services/dev.k6j.spi.OutputFactory}. */
public final class CsvOutputFactory implements OutputFactory {

    /** The {@code --out} name. */
    public static final String NAME = "csv";

    @Override
    public String name() {
        return NAME;
    }

    /** @throws IllegalArgumentException for configuration the csv output does not understand */
    @Override
    public Output create(OutputParams params) {
        return new CsvOutput(CsvConfig.from(params), CsvColumns.fromScriptOptions(params.scriptOptions()),
                params.workingDirectory(), params.stdout(), ZoneId.systemDefault());
    }
}
