package com.example.greeting;

import dev.k6j.spi.Exports;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.ModuleInstance;
import dev.k6j.spi.Vu;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.graalvm.polyglot.proxy.ProxyExecutable;

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
 * <p>One instance serves the whole test run (registered in {@code META-INF/services/dev.k6j.spi.JsModule}); what it
 * holds is shared by all VUs and thread-safe: the timer thread for delayed greetings. Per-VU state lives in
 * {@link Greeter}.
 */
public final class GreetingModule implements JsModule {

    /** One daemon thread for all delayed greetings: it never blocks a VU and never keeps the JVM alive. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("greeting-timer").factory());

    @Override
    public String name() {
        return "k6/x/greeting";
    }

    /** Called once per VU, on that VU's thread, the first time it imports the module. */
    @Override
    public ModuleInstance newInstance(Vu vu) {
        Metric greetings = vu.metrics().register("greetings", MetricType.COUNTER);
        Greeter greeter = new Greeter(vu, greetings, timer);
        Map<String, Object> exports = new LinkedHashMap<>();
        exports.put("greet", (ProxyExecutable) args -> greeter.greet(Greeter.name(vu, args, "greet")));
        exports.put("greetLater", (ProxyExecutable) args -> greeter.greetLater(Greeter.name(vu, args, "greetLater"),
                args.length > 1 && args[1].fitsInLong() ? args[1].asLong() : 0));
        return () -> Exports.of(exports);
    }
}
