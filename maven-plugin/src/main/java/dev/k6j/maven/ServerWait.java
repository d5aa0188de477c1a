package dev.k6j.maven;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Waits for the system under test that an earlier step of the build started (a server forked by another plugin):
 * any HTTP answer from {@code waitFor} counts as ready.
 */
final class ServerWait {

    private static final Duration ATTEMPT = Duration.ofSeconds(2);
    private static final long PAUSE_MILLIS = 250;

    private ServerWait() {
    }

    static void until(String url, Duration timeout, Log log) throws MojoExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        log.info("k6j: waiting up to " + timeout.toSeconds() + " s for " + url);
        String lastProblem = "no answer";
        while (true) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setConnectTimeout((int) ATTEMPT.toMillis());
                connection.setReadTimeout((int) ATTEMPT.toMillis());
                int status = connection.getResponseCode();
                connection.disconnect();
                log.info("k6j: " + url + " answered " + status);
                return;
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("k6j: waitFor '" + url + "' is not a URL: " + e.getMessage());
            } catch (IOException e) {
                lastProblem = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new MojoExecutionException("k6j: " + url + " did not answer within " + timeout.toSeconds()
                        + " s (waitFor); last attempt: " + lastProblem);
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MojoExecutionException("k6j: interrupted while waiting for " + url);
            }
        }
    }
}
