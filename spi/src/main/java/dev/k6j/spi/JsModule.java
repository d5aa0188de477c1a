package dev.k6j.spi;

/**
 * A JavaScript module that scripts import by name, such as {@code k6/x/tcp}.
 *
 * <p>One {@code JsModule} object exists per test run and may hold state shared by all VUs (it must be
 * thread-safe). Each VU that imports the module gets its own {@link ModuleInstance} from
 * {@link #newInstance(Vu)}, called on that VU's thread, once, the first time the VU imports it.
 *
 * <p>Names of extension modules start with {@code k6/x/}. Register the class in
 * {@code META-INF/services/dev.k6j.spi.JsModule}.
 *
 * <pre>{@code
 * public final class GreeterModule implements JsModule {
 *     public String name() { return "k6/x/greeter"; }
 *
 *     public ModuleInstance newInstance(Vu vu) {
 *         Greeter greeter = new Greeter(vu);                        // per-VU state
 *         ProxyExecutable greet = args -> greeter.greet(args[0].asString());
 *         return () -> Exports.of(Map.of("greet", greet, "greeter", greeter));
 *     }
 *
 *     public static final class Greeter {
 *         private final Vu vu;
 *         Greeter(Vu vu) { this.vu = vu; }
 *
 *         @HostAccess.Export                                      // callable as greeter.greet(...)
 *         public String greet(String who) { return "hello " + who + " from VU " + vu.state().id(); }
 *     }
 * }
 * // script: import { greet, greeter } from 'k6/x/greeter';
 * //         export default () => console.log(greet('k6j'), greeter.greet('again'));
 * }</pre>
 *
 * <p>A named export that scripts call as a function must be callable: a
 * {@link org.graalvm.polyglot.proxy.ProxyExecutable} or a JavaScript function made in the VU's context. A Java
 * object is visible to JavaScript only through its members annotated with
 * {@link org.graalvm.polyglot.HostAccess.Export}.
 */
public interface JsModule {

    /** The name scripts import, e.g. {@code "k6/x/tcp"}. */
    String name();

    /** Creates this module's state for one VU. Called on the VU's thread, in the init stage. */
    ModuleInstance newInstance(Vu vu);

    /**
     * Other names scripts may import this module by: more {@code k6/x/} names, or one of the names of k6's own
     * modules that k6j delivers as extensions ({@code k6/websockets}, {@code k6/experimental/websockets},
     * {@code k6/ws}, {@code k6/net/grpc}), so that scripts written for k6 run unchanged. Empty by default.
     */
    default java.util.List<String> aliases() {
        return java.util.List.of();
    }

    /** The version shown by {@code k6j version}; by default the jar manifest's Implementation-Version. */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "(development)" : version;
    }
}
