package dev.k6j.maven;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * The engine is Java 25 code; the plugin is Java 17 bytecode so that Maven on an older JDK reaches this message
 * instead of an {@code UnsupportedClassVersionError} while loading the mojo.
 */
final class JdkCheck {

    private static final int NEEDED = 25;

    private JdkCheck() {
    }

    static void require() throws MojoExecutionException {
        int running = Runtime.version().feature();
        if (running < NEEDED) {
            throw new MojoExecutionException("JDK " + NEEDED + " needed: k6j-maven-plugin runs k6 scripts in Maven's JVM"
                    + " on Java " + NEEDED + ", but Maven runs on Java " + running + " ("
                    + System.getProperty("java.home") + "). Set JAVA_HOME to a JDK " + NEEDED + ".");
        }
    }
}
