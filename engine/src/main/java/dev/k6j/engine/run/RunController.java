package dev.k6j.engine.run;

import dev.k6j.engine.api.RunControl;
import dev.k6j.engine.api.Status;
import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.executor.Executor;
import dev.k6j.engine.executor.ExternallyControlled;
import java.util.List;

/**
 * The REST API's view of a test run: its status, pause and resume, the VUs of the externally-controlled scenario,
 * and stopping it, with k6's rules and messages. Thread-safe.
 */
final class RunController implements RunControl {

    private final TestRunState testRun;
    private final List<Executor> executors;
    private final VuMemoryBudget budget;

    /**
     * @param executors the scenarios that run (those with work)
     * @param budget    what more VUs may be asked for
     */
    RunController(TestRunState testRun, List<Executor> executors, VuMemoryBudget budget) {
        this.testRun = testRun;
        this.executors = executors;
        this.budget = budget;
    }

    @Override
    public Status status() {
        return new Status(testRun.status().code(), testRun.paused(), testRun.vusActive(), testRun.vusInitialized(),
                testRun.stopping(), testRun.started() && !testRun.ended(), testRun.tainted());
    }

    @Override
    public void setPaused(boolean pause) throws ControlException, InterruptedException {
        if (!testRun.started() && testRun.paused()) {
            if (pause) {
                throw pauseError("execution is already paused");
            }
            testRun.resume();
            return;
        }
        for (Executor executor : executors) {
            if (!(executor instanceof ExternallyControlled controlled)) {
                throw pauseError(executor.config().executor() + " executor '" + executor.config().name()
                        + "' doesn't support pause and resume operations after its start");
            }
            try {
                controlled.setPaused(pause);
            } catch (IllegalStateException e) {
                throw pauseError(e.getMessage());
            }
        }
        if (pause ? !testRun.pause() : !testRun.resume()) {
            throw pauseError(pause ? "test execution was already paused" : "test execution wasn't paused");
        }
    }

    private static ControlException pauseError(String message) {
        return new ControlException("Pause error", message, false);
    }

    @Override
    public void scale(Long vus, Long maxVus) throws ControlException, InterruptedException {
        ExternallyControlled controlled = executors.stream().filter(ExternallyControlled.class::isInstance)
                .map(ExternallyControlled.class::cast).findFirst()
                .orElseThrow(() -> new ControlException("Execution config error", "an externally-controlled "
                        + "executor needs to be configured for live configuration updates", false));
        if (maxVus != null) {
            // New VUs are initialized while the request waits: refuse those the heap can't hold, before any is made.
            String refusal = budget.refusal(Math.max(0, maxVus - controlled.maxVus()), testRun.vusInitialized());
            if (refusal != null) {
                throw new ControlException("Config update error", refusal, true);
            }
        }
        try {
            controlled.update(vus, maxVus);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ControlException("Config update error", e.getMessage(), true);
        }
    }

    @Override
    public void stop() {
        testRun.stop(new TestRunState.StopReason(ExitCode.SCRIPT_STOPPED_FROM_REST_API,
                "test run stopped from REST API"));
    }
}
