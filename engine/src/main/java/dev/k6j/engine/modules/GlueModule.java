package dev.k6j.engine.modules;

import dev.k6j.spi.Vu;
import java.util.List;
import java.util.function.Function;

/**
 * A built-in module: the SPI's {@link dev.k6j.spi.GlueModule}, the same base every extension uses, shown as
 * {@code built-in} by {@code k6j version}.
 */
public abstract class GlueModule extends dev.k6j.spi.GlueModule {

    /** A module {@code name} whose glue is the resource {@code glueResource}; the subclass overrides {@link #host(Vu)}. */
    protected GlueModule(String name, String glueResource) {
        super(name, glueResource);
    }

    /**
     * A module {@code name} whose glue is the resource {@code glueResource}, and whose host for a VU {@code hosts}
     * makes ({@code Host::new}, or {@code vu -> null} for glue written in JavaScript alone).
     */
    protected GlueModule(String name, String glueResource, Function<Vu, Object> hosts) {
        super(name, List.of(), glueResource, hosts);
    }

    @Override
    public String version() {
        return "built-in";
    }
}
