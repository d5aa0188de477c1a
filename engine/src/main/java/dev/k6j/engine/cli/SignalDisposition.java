package dev.k6j.engine.cli;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes SIGINT deliverable when the process was started with it ignored.
 *
 * <p>A non-interactive shell starts background jobs ({@code k6j run x.js &} in a script, CI runners) with SIGINT
 * ignored, and the JVM then refuses to handle it: {@code kill -INT} and Ctrl-C did nothing at all. Go's
 * {@code signal.Notify}, which k6 uses, restores the default disposition first, so k6 stops on SIGINT however it
 * was started; this does the same through the C library ({@code signal(SIGINT, SIG_DFL)}) just before the
 * handler is installed. It needs native access ({@code --enable-native-access=ALL-UNNAMED}, which the launcher
 * passes); without it, or off Linux and macOS, nothing changes.
 */
final class SignalDisposition {

    private static final int SIGINT = 2;
    private static final long SIG_IGN = 1;
    /** Larger than {@code struct sigaction} on every platform here; its first member is the handler. */
    private static final long SIGACTION_BYTES = 256;

    private SignalDisposition() {
    }

    /** Restores SIGINT's default disposition if it is ignored now; returns whether it was. */
    static boolean unignoreInterrupt() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!(os.contains("linux") || os.contains("mac"))
                || !SignalDisposition.class.getModule().isNativeAccessEnabled()
                || ignoresInterrupt(Path.of("/proc/self/status")).equals(Optional.of(false))) {
            return false;
        }
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            MethodHandle sigaction = linker.downcallHandle(libc.find("sigaction").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment current = arena.allocate(SIGACTION_BYTES);
                if ((int) sigaction.invokeExact(SIGINT, MemorySegment.NULL, current) != 0
                        || current.get(ValueLayout.JAVA_LONG, 0) != SIG_IGN) {
                    return false;
                }
            }
            MethodHandle signal = linker.downcallHandle(libc.find("signal").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
            MemorySegment previous = (MemorySegment) signal.invokeExact(SIGINT, MemorySegment.NULL);
            return previous.address() == SIG_IGN;
        } catch (Throwable e) {
            // No C library to call: SIGINT stays as the parent left it; SIGTERM still stops the test.
            return false;
        }
    }

    /**
     * Whether Linux says a process ignores SIGINT ({@code SigIgn} in its {@code /proc/PID/status}, a hexadecimal mask
     * with bit {@code signal - 1} set per ignored signal); empty where there is no such file. Reading it costs well
     * under a millisecond; making the native linker costs a start-up about 60 ms, so it is made only when needed.
     */
    static Optional<Boolean> ignoresInterrupt(Path procStatus) {
        try {
            for (String line : Files.readAllLines(procStatus)) {
                if (line.startsWith("SigIgn:")) {
                    return Optional.of((Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16)
                            & (1L << (SIGINT - 1))) != 0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or a /proc that says something else: ask the C library.
        }
        return Optional.empty();
    }
}
