package dev.k6j.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * vs-k6.sh's "https" workload: GET /hello over TLS with HTTP/2 (Gatling trusts any certificate by default), users
 * in a closed loop with no think time, each with connections of its own as k6's VUs have.
 */
public class HttpsSimulation extends Simulation {

    private final Duration duration = Duration.ofSeconds(Integer.getInteger("seconds", 20));

    private final ScenarioBuilder hello = scenario("hello").during(duration).on(
            exec(http("hello").get("/hello").check(status().is(200))));

    {
        setUp(hello.injectClosed(constantConcurrentUsers(Integer.getInteger("users", 50)).during(duration)))
                .protocols(http.baseUrl(System.getProperty("target")).enableHttp2().disableCaching());
    }
}
