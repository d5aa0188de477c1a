package com.example.greeting;

import dev.k6j.spi.GlueModule;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Vu;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The module {@code k6/x/greeting}:
 * <pre>{@code
 * import { greet, greetLater } from 'k6/x/greeting';
 *
 * export default async function () {
 *     console.log(greet('k6j'));                      // "Hello, k6j!"
 *     console.log(await greetLater('k6j', 50));       // "Hello later, k6j!" after 50 ms
 * }
 * }</pre>
 * Every greeting adds 1 to the counter metric {@code greetings}, tagged {@code kind: now|later}.
 *
 * <p>A {@link GlueModule}, as k6j's own modules are: {@code greeting.js} (beside this class) gives the JavaScript
 * API, a {@link Greeter} per VU does the work.
 *
 * <p>One instance serves the whole test run (registered in {@code META-INF/services/dev.k6j.spi.JsModule}); what it
 * holds is shared by all VUs and thread-safe: the timer thread for delayed greetings.
 */
public final class GreetingModule extends GlueModule {

    /** One daemon thread for all delayed greetings: it never blocks a VU and never keeps the JVM alive. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("greeting-timer").factory());

    public GreetingModule() {
        super("k6/x/greeting", List.of(), "greeting.js");
    }

    /** Called once per VU, on that VU's thread, the first time it imports the module. */
    @Override
    protected Object host(Vu vu) {
        return new Greeter(vu, vu.metrics().register("greetings", MetricType.COUNTER), timer);
    }
}
