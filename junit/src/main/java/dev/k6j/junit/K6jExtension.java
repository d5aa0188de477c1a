package dev.k6j.junit;

import dev.k6j.engine.embedded.InProcessRun;
import dev.k6j.engine.embedded.TestResult;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the script of each {@link K6jTest} method, after the {@code @BeforeEach} methods and before the method's body,
 * fails the test when the run failed, and hands the {@link TestResult} to a method parameter of that type.
 *
 * <p>{@code @K6jTest} registers it; register it yourself only to add {@code __ENV} values known when the test runs:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final K6jExtension k6j = new K6jExtension().env("BASE_URL", () -> server.url());
 * }</pre>
 *
 * A script runs once per test however often the extension is registered. Runs are independent (see
 * {@link InProcessRun}), so test classes may run in parallel.
 */
public final class K6jExtension implements BeforeTestExecutionCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(K6jExtension.class);
    private static final String RESULT = "result";

    private final Map<String, Supplier<String>> env = new LinkedHashMap<>();

    /** Adds an {@code __ENV} variable whose value is asked for when each test runs. */
    public K6jExtension env(String name, Supplier<String> value) {
        env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        Optional<K6jTest> test = AnnotationSupport.findAnnotation(context.getTestMethod(), K6jTest.class);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (test.isEmpty() || store.get(RESULT) != null) {
            return;
        }
        JdkCheck.require();
        K6jTest settings = test.get();
        InProcessRun run = InProcessRun.of(Path.of(settings.value()))
                .env(resolved(settings.env()))
                .options(resolved(settings.options()))
                .quiet(settings.quiet());
        env.forEach((name, value) -> run.env(name, value.get()));
        resolved(settings.out()).forEach(run::output);
        TestResult result = run.run();
        store.put(RESULT, result);
        boolean thresholdsOnly = result.exitCode() == TestResult.THRESHOLDS_CROSSED;
        if (!result.passed() && (settings.failOnThresholds() || !thresholdsOnly)) {
            throw new AssertionFailedError(result.failureMessage().orElseThrow());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Method method = context.getTestMethod().orElse(null);
        // By name: loading the engine's class on a JVM older than 25 would fail before JdkCheck can explain.
        return method != null && AnnotationSupport.isAnnotated(method, K6jTest.class)
                && parameter.getParameter().getType().getName().equals("dev.k6j.engine.embedded.TestResult");
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(RESULT, TestResult.class);
    }

    private static List<String> resolved(String[] values) {
        return Arrays.stream(values).map(Placeholders::resolve).toList();
    }
}
