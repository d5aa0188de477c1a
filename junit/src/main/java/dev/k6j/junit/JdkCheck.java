package dev.k6j.junit;

import org.junit.platform.commons.PreconditionViolationException;

/**
 * The engine is Java 25 code; this module is Java 17 bytecode so that an older test JVM gets this message rather than
 * an {@code UnsupportedClassVersionError} from deep in the class loader.
 */
final class JdkCheck {

    private static final int NEEDED = 25;

    private JdkCheck() {
    }

    static void require() {
        int running = Runtime.version().feature();
        if (running < NEEDED) {
            throw new PreconditionViolationException("JDK " + NEEDED + " needed: k6j runs k6 scripts on Java " + NEEDED
                    + ", but this test JVM is Java " + running + " (" + System.getProperty("java.home")
                    + "); run the build with JAVA_HOME set to a JDK " + NEEDED);
        }
    }
}
