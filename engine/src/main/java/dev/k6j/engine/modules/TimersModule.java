package dev.k6j.engine.modules;

import dev.k6j.spi.Vu;

/** The {@code k6/timers} module: the same {@code setTimeout}/{@code setInterval} functions as the globals. */
public final class TimersModule extends GlueModule {

    public TimersModule() {
        super("k6/timers", "timers.js");
    }

    @Override
    protected Object host(Vu vu) {
        return null;
    }
}
