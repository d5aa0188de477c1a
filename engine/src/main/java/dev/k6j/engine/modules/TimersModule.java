package dev.k6j.engine.modules;

/** The {@code k6/timers} module: the same {@code setTimeout}/{@code setInterval} functions as the globals. */
public final class TimersModule extends GlueModule {

    public TimersModule() {
        super("k6/timers", "timers.js", vu -> null);
    }
}
