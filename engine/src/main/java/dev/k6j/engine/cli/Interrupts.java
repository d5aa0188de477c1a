package dev.k6j.engine.cli;

import dev.k6j.engine.errors.ExitCode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Ctrl-C (SIGINT) and SIGTERM during {@code k6j run}, as k6 handles them: the first stops the test gracefully (the
 * consumer is told which signal came), the second exits at once with 105.
 *
 * <p>Installed first thing in {@code main} for {@code run} (JVM start-up and flag parsing take seconds on a busy
 * machine), so no phase of a run is left with the JVM's default (exit 130 without a summary); only a signal before
 * {@code main} meets the JVM's own handler. Until the test has started something a graceful stop would save
 * (outputs, VUs), the first signal exits at once: init code stuck in a loop or a slow start never delays it. A SIGINT that the parent shell set to "ignored" (a background
 * job of a non-interactive shell) is handled anyway, as Go's {@code signal.Notify} does for k6
 * ({@link SignalDisposition}). The second signal never waits for a lock a busy thread may hold: it writes its
 * line straight to file descriptor 2 and halts.
 *
 * <p>The JDK's only way to handle a signal without ending the JVM is {@code sun.misc.Signal}; it is reached by
 * reflection so the build stays free of internal-API warnings, and a JDK without it keeps the default behaviour.
 */
final class Interrupts {

    /** A signal as k6 names it: Go's {@code os.Signal} text, and how to send it again. */
    enum Received {
        INT("interrupt", "SIGINT (Ctrl-C)", "press Ctrl-C again to stop at once"),
        TERM("terminated", "SIGTERM", "send SIGTERM again to stop at once");

        /** Go's name of the signal, which k6's messages quote: {@code 'interrupt'}, {@code 'terminated'}. */
        final String goName;
        /** How the user knows it. */
        final String label;
        /** How to stop at once. */
        final String again;

        Received(String goName, String label, String again) {
            this.goName = goName;
            this.label = label;
            this.again = again;
        }

        /** The error the run ends with, k6's words. */
        String abortMessage() {
            return "test run was aborted because k6j received a '" + goName + "' signal";
        }
    }

    private static final AtomicInteger RECEIVED = new AtomicInteger();
    /** Time the second signal's line gets to reach stderr before the JVM halts regardless. */
    private static final Duration LAST_WORDS = Duration.ofMillis(300);

    private Interrupts() {
    }

    /**
     * Where the first signal goes: the run, once it {@link #attach}es. Before that, and whenever the run says it
     * has nothing to save yet, the first signal exits at once with 105. Thread-safe.
     */
    static final class Target {
        private volatile Predicate<Received> gracefulStop;

        /**
         * From now on the first signal goes to {@code stop}, which answers whether a graceful stop is under way
         * (false: nothing has started that a graceful stop would save, so exit now).
         */
        void attach(Predicate<Received> stop) {
            gracefulStop = stop;
        }

        private void receive(Received received) {
            Predicate<Received> stop = gracefulStop;
            if (stop == null || !stop.test(received)) {
                haltNow("error: " + received.abortMessage());
            }
        }
    }

    /**
     * Handles SIGINT and SIGTERM from now on: the first goes to the returned target, the second exits with 105.
     */
    static Target install() {
        Target target = new Target();
        install(target::receive);
        return target;
    }

    private static void install(Consumer<Received> gracefulStop) {
        SignalDisposition.unignoreInterrupt();
        for (Received received : Received.values()) {
            try {
                Class<?> signalClass = Class.forName("sun.misc.Signal");
                Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
                Object signal = signalClass.getConstructor(String.class).newInstance(received.name());
                InvocationHandler onSignal = (Object proxy, Method method, Object[] args) -> {
                    switch (method.getName()) {
                        case "hashCode": return System.identityHashCode(proxy);
                        case "equals": return proxy == args[0];
                        case "toString": return "k6j interrupt handler";
                        default: break;
                    }
                    if (method.getName().equals("handle")) {
                        if (RECEIVED.incrementAndGet() == 1) {
                            Thread.ofPlatform().daemon().name("k6j-graceful-stop")
                                    .start(() -> gracefulStop.accept(received));
                        } else {
                            haltNow("ERRO Aborting k6j in response to signal " + received.goName);
                        }
                    }
                    return null;
                };
                Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                        onSignal);
                signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Signal handling unavailable: the signal ends the JVM as usual.
            }
        }
    }

    /** A last line, then exit 105 without waiting for anything else. */
    private static void haltNow(String lastLine) {
        byte[] line = (lastLine + "\n").getBytes(StandardCharsets.UTF_8);
        // A thread of its own, so a full stderr pipe can't keep the JVM alive.
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            try {
                new FileOutputStream(FileDescriptor.err).write(line);
            } catch (IOException e) {
                // Nothing left to tell it with.
            }
        });
        try {
            writer.join(LAST_WORDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(ExitCode.EXTERNAL_ABORT.code());
    }
}
