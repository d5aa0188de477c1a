package dev.k6j.engine.executor;

/** Creates the live state of a scenario for its executor. */
public final class ScenarioStates {

    private ScenarioStates() {
    }

    public static ScenarioStateImpl of(Executor executor) {
        return new ScenarioStateImpl(executor.config().name(), executor.config().executor(), executor::progress);
    }
}
