package dev.k6j.junit;

import dev.k6j.spi.Exports;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.ModuleInstance;
import dev.k6j.spi.Vu;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * {@code k6/x/answer}, an extension module found on the test class path through
 * {@code META-INF/services/dev.k6j.spi.JsModule}, as any extension jar a build adds as a test dependency is.
 */
public final class AnswerModule implements JsModule {

    @Override
    public String name() {
        return "k6/x/answer";
    }

    @Override
    public ModuleInstance newInstance(Vu vu) {
        Map<String, Object> exports = Map.of("answer", (ProxyExecutable) args -> 42);
        return () -> Exports.of(exports);
    }
}
