package dev.k6j.engine.modules;

/**
 * A built-in module: the SPI's {@link dev.k6j.spi.GlueModule}, the same base every extension uses, shown as
 * {@code built-in} by {@code k6j version}.
 */
public abstract class GlueModule extends dev.k6j.spi.GlueModule {

    protected GlueModule(String name, String glueResource) {
        super(name, glueResource);
    }

    @Override
    public String version() {
        return "built-in";
    }
}
