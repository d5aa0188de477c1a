package com.example.greeting;

import dev.k6j.spi.Metric;
import dev.k6j.spi.PromiseHandle;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.Vu;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The greeting functions of one VU, which {@code greeting.js} calls: only members marked
 * {@link HostAccess.Export} are visible to JavaScript. Called on the VU's thread; a delayed greeting completes on the
 * module's timer thread and goes back to the VU through its event loop ({@link PromiseHandle#resolve} may be called
 * from any thread).
 */
public final class Greeter {

    private final Vu vu;
    private final Metric greetings;
    private final ScheduledExecutorService timer;

    Greeter(Vu vu, Metric greetings, ScheduledExecutorService timer) {
        this.vu = vu;
        this.greetings = greetings;
        this.timer = timer;
    }

    /** {@code greet(name)}: a greeting, now. */
    @HostAccess.Export
    public String greet(Value nameArgument) {
        String name = name(nameArgument, "greet");
        count("now", vu.state().tags());
        return "Hello, " + name + "!";
    }

    /** {@code greetLater(name, ms)}: a Promise of a greeting, {@code ms} milliseconds from now. */
    @HostAccess.Export
    public Value greetLater(Value nameArgument, Value delay) {
        String name = name(nameArgument, "greetLater");
        long delayMillis = delay != null && delay.fitsInLong() ? delay.asLong() : 0;
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

    /** The argument as a name; a JavaScript {@code TypeError} the script can catch when there is none. */
    private String name(Value argument, String function) {
        if (argument == null || !argument.isString() || argument.asString().isBlank()) {
            throw vu.jsError("TypeError", function + "(name) needs a name, such as " + function + "('k6j')");
        }
        return argument.asString();
    }
}
