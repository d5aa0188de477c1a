package dev.k6j.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * vs-k6.sh's "api" workload: GET a JSON document, three checks on it (status, the items' count, a nested field),
 * then build a small JSON text from what was read, as the k6 script does with JSON.stringify.
 */
public class ApiSimulation extends Simulation {

    private final Duration duration = Duration.ofSeconds(Integer.getInteger("seconds", 20));

    private final ScenarioBuilder api = scenario("api").during(duration).on(
            exec(http("document").get("/api.json").check(
                    status().is(200),
                    jsonPath("$.items[*]").count().is(20).saveAs("count"),
                    jsonPath("$.owner.email").saveAs("email")))
            .exec(session -> session.set("out",
                    "{\"count\":" + session.getInt("count") + ",\"owner\":\"" + session.getString("email") + "\"}")));

    {
        setUp(api.injectClosed(constantConcurrentUsers(Integer.getInteger("users", 50)).during(duration)))
                .protocols(http.baseUrl(System.getProperty("target")).disableCaching()); // k6 caches nothing either
    }
}
