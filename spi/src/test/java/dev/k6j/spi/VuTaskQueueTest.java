package dev.k6j.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VuTaskQueueTest {

    /** A single-threaded event loop: completed callbacks queue their task; {@link #runAll} is the VU thread. */
    private static final class Loop implements EventLoop {
        final ArrayDeque<Runnable> ready = new ArrayDeque<>();
        int pending;

        @Override
        public Callback register() {
            pending++;
            return task -> ready.add(() -> {
                pending--;
                task.run();
            });
        }

        @Override
        public PromiseHandle newPromise() {
            throw new UnsupportedOperationException();
        }

        void runAll() {
            Runnable next;
            while ((next = ready.poll()) != null) {
                next.run();
            }
        }

        boolean iterationMayEnd() {
            return pending == 0 && ready.isEmpty();
        }
    }

    private final Loop loop = new Loop();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsWorkInOrderAndKeepsTheIterationAliveUntilClosed() {
        VuTaskQueue queue = VuTaskQueue.keepingAlive(loop);
        queue.execute(() -> ran.add("a"));
        queue.execute(() -> ran.add("b"));
        loop.runAll();
        queue.execute(() -> ran.add("c"));
        loop.runAll();
        assertThat(ran).containsExactly("a", "b", "c");
        assertThat(loop.iterationMayEnd()).isFalse();

        queue.close();
        queue.execute(() -> ran.add("after close"));
        loop.runAll();
        assertThat(ran).containsExactly("a", "b", "c");
        assertThat(loop.iterationMayEnd()).isTrue();
    }

    @Test
    void closingFromAQueuedTaskDropsTheRest() {
        VuTaskQueue queue = VuTaskQueue.keepingAlive(loop);
        queue.execute(() -> {
            ran.add("close");
            queue.close();
        });
        queue.execute(() -> ran.add("dropped"));
        loop.runAll();
        assertThat(ran).containsExactly("close");
        assertThat(loop.iterationMayEnd()).isTrue();
    }

    @Test
    void aReleasedQueueRunsWhatIsQueuedButTakesNothingNew() {
        VuTaskQueue queue = new VuTaskQueue(loop);
        queue.execute(() -> ran.add("before keepAlive"));
        assertThat(loop.iterationMayEnd()).isTrue();

        queue.keepAlive();
        queue.execute(() -> ran.add("queued"));
        queue.release();
        loop.runAll();
        queue.execute(() -> ran.add("after release"));
        loop.runAll();
        assertThat(ran).containsExactly("queued");
        assertThat(loop.iterationMayEnd()).isTrue();
    }

    @Test
    void workQueuedLaterFromTheVuRunsEvenWhileReleased() {
        VuTaskQueue queue = new VuTaskQueue(loop);
        queue.executeLater(() -> ran.add("error event"));
        assertThat(loop.iterationMayEnd()).isFalse();
        loop.runAll();
        assertThat(ran).containsExactly("error event");
        assertThat(loop.iterationMayEnd()).isTrue();
    }

}
