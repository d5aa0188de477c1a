package dev.k6j.engine.executor;

import dev.k6j.engine.execution.RunClock;
import dev.k6j.engine.execution.TestRunState;
import dev.k6j.engine.vu.ConsoleLog;
import dev.k6j.engine.vu.IterationRunner;
import dev.k6j.engine.vu.SystemTags;
import dev.k6j.spi.Metric;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * What all scenarios of a test run share. Immutable; its parts are thread-safe.
 *
 * @param pool              the initialized VUs
 * @param iterations        runs one iteration on a VU
 * @param testRun           counters, stop and pause of the whole test
 * @param setupData         setup()'s result as JSON, or {@code null}
 * @param vuThreads         makes the threads VUs run on
 * @param samples           where executors emit samples ({@code dropped_iterations})
 * @param droppedIterations the {@code dropped_iterations} counter
 * @param testTags          tags of every sample ({@code options.tags})
 * @param systemTags        enabled system tags
 * @param environment       {@code __ENV} before any scenario's {@code env}
 * @param console           where executors log warnings
 * @param clock             the clock the scenarios' schedules follow
 */
public record RunContext(VuPool pool, IterationRunner iterations, TestRunState testRun, String setupData,
                         ThreadFactory vuThreads, Consumer<List<Sample>> samples, Metric droppedIterations,
                         TagSet testTags, SystemTags systemTags, Map<String, String> environment,
                         ConsoleLog console, RunClock clock) {
}
