package dev.k6j.engine.eventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.spi.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VuEventLoopTest {

    private final VuEventLoop loop = new VuEventLoop(() -> {
        throw new UnsupportedOperationException("no promises without a context");
    });

    @Test
    void runsCallbacksCompletedOnOtherThreadsOnTheLoopThread() throws Exception {
        List<String> ran = new ArrayList<>();
        Thread loopThread = Thread.currentThread();
        for (int i = 0; i < 3; i++) {
            EventLoop.Callback callback = loop.register();
            int n = i;
            Thread.ofPlatform().start(() -> callback.complete(() -> {
                assertThat(Thread.currentThread()).isSameAs(loopThread);
                ran.add("task " + n);
            }));
        }
        loop.runUntilIdle();
        assertThat(ran).hasSize(3);
        assertThat(loop.pending()).isZero();
    }

    @Test
    void aCallbackCanBeCompletedOnlyOnce() {
        EventLoop.Callback callback = loop.register();
        callback.complete(() -> { });
        assertThatThrownBy(() -> callback.complete(() -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resetDropsWhatAnInterruptedIterationLeftBehind() throws Exception {
        List<String> ran = new ArrayList<>();
        EventLoop.Callback stale = loop.register();
        loop.reset();
        stale.complete(() -> ran.add("stale"));
        EventLoop.Callback fresh = loop.register();
        fresh.complete(() -> ran.add("fresh"));
        loop.runUntilIdle();
        assertThat(ran).containsExactly("fresh");
    }

    @Test
    void cancelReleasesTheSlotWithoutRunningAnything() throws Exception {
        loop.register().cancel();
        loop.runUntilIdle();
        assertThat(loop.pending()).isZero();
    }

    @Test
    void resetHooksRunOnEveryResetSoModulesCanStopWorkWhoseCallbacksAreDropped() {
        List<String> stopped = new ArrayList<>();
        loop.addResetHook(() -> stopped.add("stop"));
        loop.register();
        loop.reset();
        loop.reset();
        assertThat(stopped).containsExactly("stop", "stop");
        assertThat(loop.pending()).isZero();
    }
}
