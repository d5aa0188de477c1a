package dev.k6j.engine.cli;

import dev.k6j.engine.errors.ExitCode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) and SIGTERM: the first stops the test gracefully (summary, outputs flushed, exit 105), the
 * second exits at once.
 *
 * <p>The JDK's only way to handle a signal without ending the JVM is {@code sun.misc.Signal}; it is reached by
 * reflection so the build stays free of internal-API warnings, and a JDK without it keeps the default behaviour.
 */
final class Interrupts {

    private static final AtomicInteger RECEIVED = new AtomicInteger();

    private Interrupts() {
    }

    static void onInterrupt(Runnable gracefulStop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Class<?> signalClass = Class.forName("sun.misc.Signal");
                Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                InvocationHandler onSignal = (Object proxy, Method method, Object[] args) -> {
                    switch (method.getName()) {
                        case "hashCode": return System.identityHashCode(proxy);
                        case "equals": return proxy == args[0];
                        case "toString": return "k6j interrupt handler";
                        default: break;
                    }
                    if (method.getName().equals("handle")) {
                        if (RECEIVED.incrementAndGet() == 1) {
                            Thread.ofPlatform().daemon().start(gracefulStop);
                        } else {
                            Runtime.getRuntime().halt(ExitCode.EXTERNAL_ABORT.code());
                        }
                    }
                    return null;
                };
                Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                        onSignal);
                signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Signal handling unavailable: Ctrl-C ends the JVM as usual.
            }
        }
    }
}
