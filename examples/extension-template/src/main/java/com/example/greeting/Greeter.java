package com.example.greeting;

import dev.k6j.spi.Metric;
import dev.k6j.spi.PromiseHandle;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.Vu;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Value;

/**
 * The greeting functions of one VU. Called on the VU's thread; a delayed greeting completes on the module's timer
 * thread and goes back to the VU through its event loop ({@link PromiseHandle#resolve} may be called from any
 * thread).
 */
final class Greeter {

    private final Vu vu;
    private final Metric greetings;
    private final ScheduledExecutorService timer;

    Greeter(Vu vu, Metric greetings, ScheduledExecutorService timer) {
        this.vu = vu;
        this.greetings = greetings;
        this.timer = timer;
    }

    /** {@code greet(name)}: a greeting, now. */
    String greet(String name) {
        count("now", vu.state().tags());
        return "Hello, " + name + "!";
    }

    /** {@code greetLater(name, ms)}: a Promise of a greeting, {@code ms} milliseconds from now. */
    Value greetLater(String name, long delayMillis) {
        PromiseHandle promise = vu.eventLoop().newPromise();
        TagSet tags = vu.state().tags();   // read on the VU thread, used on the timer thread
        timer.schedule(() -> {
            count("later", tags);           // emit is thread-safe
            promise.resolve("Hello later, " + name + "!");
        }, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        return promise.promise();
    }

    private void count(String kind, TagSet tags) {
        vu.emit(greetings.sample(1, tags.with("kind", kind)));
    }

    /** The first argument as a name; a JavaScript {@code TypeError} the script can catch when there is none. */
    static String name(Vu vu, Value[] args, String function) {
        if (args.length == 0 || !args[0].isString() || args[0].asString().isBlank()) {
            throw vu.jsError("TypeError", function + "(name) needs a name, such as " + function + "('k6j')");
        }
        return args[0].asString();
    }
}
