/**
 * The k6j extension SPI: everything an extension author compiles against.
 *
 * <p>Two kinds of extension exist:
 * <ul>
 *   <li>{@link dev.k6j.spi.JsModule}: a JavaScript module a script imports ({@code import tcp from 'k6/x/tcp'}).</li>
 *   <li>{@link dev.k6j.spi.OutputFactory}: a metric output chosen with {@code --out name[=config]}.</li>
 * </ul>
 * An extension may also add a command to the CLI ({@link dev.k6j.spi.Subcommand}, {@code k6j <name> …}).
 * Both are found with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.k6j.spi.JsModule},
 * {@code META-INF/services/dev.k6j.spi.OutputFactory}). The engine's own built-in modules and outputs
 * are registered the same way, so this package is all any of them sees of the engine.
 *
 * <h2>Packaging</h2>
 * An extension jar depends on this SPI as {@code provided} (the engine brings it) and declares in its manifest the SPI
 * versions it was built for, e.g. {@code K6j-Spi-Requires: [0.1,0.2)}; the engine and the bundler refuse a jar
 * whose range does not hold the SPI's version (this jar's {@code K6j-Spi-Version}). The same jar can be bundled
 * ({@code bundler build --with}) or dropped into an engine's plugins folder, where it gets its own class loader.
 *
 * <h2>Threads</h2>
 * Each VU owns one GraalJS {@link org.graalvm.polyglot.Context} and one thread. JavaScript values
 * ({@link org.graalvm.polyglot.Value}) may only be touched on that thread. Work finished on another
 * thread (a Netty event loop, a timer) comes back through {@link dev.k6j.spi.EventLoop}.
 */
package dev.k6j.spi;
