package dev.k6j.output.dashboard;

import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.OutputParams;

/** {@code --out web-dashboard[=port=0&period=2s&export=report.html…]}, k6's web dashboard. */
public final class WebDashboardOutputFactory implements OutputFactory {

    /** The output's name, as in k6. */
    public static final String NAME = "web-dashboard";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Output create(OutputParams params) {
        return new WebDashboardOutput(DashboardConfig.from(params.configArgument(), params.environment()), params);
    }
}
