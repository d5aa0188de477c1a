package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private final Retries retries = new Retries(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5),
            Duration.ofMillis(50));

    @Test
    void failuresAreRetriedWithGrowingBackOffUntilOneIsAccepted() throws Exception {
        List<Duration> timeouts = new ArrayList<>();
        List<PushResult> answers = new ArrayList<>(List.of(new PushResult.Failed("a"), new PushResult.Failed("b"),
                new PushResult.Failed("c"), new PushResult.Accepted(204)));

        PushResult result = retries.run(timeout -> {
            timeouts.add(timeout);
            return answers.removeFirst();
        }, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));

        assertThat(result).isEqualTo(new PushResult.Accepted(204));
        assertThat(timeouts).hasSize(4);
        assertThat(timeouts.get(0)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRefusalIsNeverRetried() throws Exception {
        int[] attempts = {0};

        PushResult result = retries.run(timeout -> {
            attempts[0]++;
            return new PushResult.Refused(400, "bad");
        }, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));

        assertThat(result).isInstanceOf(PushResult.Refused.class);
        assertThat(attempts[0]).isEqualTo(1);
    }

    @Test
    void retriesStopAtTheDeadlineAndLaterAttemptsWaitNoLongerThanTheTimeLeft() throws Exception {
        List<Duration> timeouts = new ArrayList<>();
        long began = System.nanoTime();

        PushResult result = retries.run(timeout -> {
            timeouts.add(timeout);
            return new PushResult.Failed("down");
        }, began + TimeUnit.MILLISECONDS.toNanos(300));

        assertThat(result).isEqualTo(new PushResult.Failed("down"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).isLessThan(1_000);
        assertThat(timeouts.size()).isBetween(3, 12);
        assertThat(timeouts.subList(1, timeouts.size())).allSatisfy(timeout ->
                assertThat(timeout).isBetween(Duration.ofMillis(50), Duration.ofMillis(300)));
    }
}
