/**
 * Running k6 scripts inside this JVM and reading their results as Java values: the API that {@code k6j-junit}, the
 * {@code k6j-maven-plugin} and any Java code use instead of the CLI.
 *
 * <pre>{@code
 * TestResult result = InProcessRun.of(Path.of("src/test/k6/smoke.js"))
 *         .env("BASE_URL", "http://127.0.0.1:" + port)
 *         .option("vus", 5)
 *         .option("duration", "10s")
 *         .run();
 * assertThat(result.crossedThresholds()).isEmpty();
 * assertThat(result.metric("http_reqs").count()).isGreaterThan(0);
 * }</pre>
 *
 * <p>A run is independent of any other in the same JVM: it has its own GraalJS engine, metrics engine, threads and
 * extension registry, all closed when {@link dev.k6j.engine.embedded.InProcessRun#run()} returns; it never calls
 * {@code System.exit}, installs no signal handler and, unless asked, starts no REST API. The Netty event loops that
 * {@code k6/http} uses are shared by the runs of a JVM and never shut down by one.
 */
package dev.k6j.engine.embedded;
