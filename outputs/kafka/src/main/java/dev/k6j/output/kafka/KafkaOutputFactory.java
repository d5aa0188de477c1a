package dev.k6j.output.kafka;

import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.OutputParams;
import java.util.Set;

/**
 * Creates the {@code kafka} output, the name k6 had for it before it moved to an extension; {@code xk6-kafka}, the
 * name of that extension (grafana/xk6-output-kafka), selects it too. Registered in
 * {@code META-INF/services/dev.k6j.spi.OutputFactory}.
 */
public final class KafkaOutputFactory implements OutputFactory {

    /** The {@code --out} name. */
    public static final String NAME = "kafka";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("xk6-kafka");
    }

    @Override
    public Output create(OutputParams params) {
        return new KafkaOutput(KafkaConfig.from(params), params.logger());
    }
}
