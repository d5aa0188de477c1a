package dev.k6j.output.prometheus;

import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.OutputParams;
import java.util.Set;

/**
 * Creates the {@code experimental-prometheus-rw} output, k6's name for it; {@code xk6-prometheus-rw}, the name of
 * the xk6 extension it grew from, selects it too. Registered in {@code META-INF/services/dev.k6j.spi.OutputFactory}.
 */
public final class PrometheusOutputFactory implements OutputFactory {

    /** The {@code --out} name. */
    public static final String NAME = "experimental-prometheus-rw";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("xk6-prometheus-rw");
    }

    @Override
    public Output create(OutputParams params) {
        return new PrometheusOutput(PrometheusConfig.from(params), params.logger());
    }
}
