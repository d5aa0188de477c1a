package dev.k6j.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.testbed.Testbed;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TestRun of Grafana's k6-operator, rehearsed on loopback with k6j as its image's {@code k6}: the initializer's
 * {@code sh -c} program, {@value #PARALLELISM} paused runners with the operator's command lines (execution segments,
 * {@code --address}, {@code --paused}, tags), the readiness and liveness probes, the starter's and stopper's curl
 * PATCHes, and the checks the operator makes on each. What differs from a cluster: the runners' REST API listens on
 * {@code 127.0.0.1} and a free port instead of {@code 0.0.0.0:6565} (the operator reaches each pod's port 6565
 * through its Service), each pod is a folder instead of a container, and the pod's {@code /tmp} is a folder too.
 *
 * <p>Runs the distribution this build made ({@code distribution/target/k6j}, the system property
 * {@code k6j.rehearsal.launcher}); the starter and stopper need {@code curl}, as the operator's starter image has it.
 */
class OperatorRehearsalIT {

    static final int PARALLELISM = 3;
    static final String TEST_RUN = "k6j-rehearsal";
    /** The TestRun's {@code .spec.arguments}: every runner writes its samples, each in its own pod folder. */
    static final List<String> ARGUMENTS = List.of("--out", "json=result.json", "--tag", "rehearsal=operator");
    /** The ConfigMap's mount, {@code /test}, holding {@code test.js}. */
    static final String SCRIPT_FOLDER = "test";
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    /** How long a runner may take to answer its first probe before the rehearsal gives up on it. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private static Testbed testbed;

    @TempDir
    Path work;
    private Pods pods;
    private String tmp;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void startTarget() {
        testbed = Testbed.start(new Testbed.Ports("127.0.0.1", 0, -1, -1));
    }

    @AfterAll
    static void stopTarget() {
        testbed.close();
    }

    @BeforeEach
    void makePods() throws IOException {
        Path launcher = Path.of(System.getProperty("k6j.rehearsal.launcher", "../../distribution/target/k6j"));
        assertThat(launcher).as("the distribution's launcher; build it with: mvn package -pl distribution -am")
                .isExecutable();
        pods = new Pods(work, launcher, Map.of("TARGET", testbed.httpUrl()));
        tmp = Files.createDirectories(work.resolve("pod-tmp")).toString();
    }

    @AfterEach
    void stopPods() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void runnersStartedByTheOperatorRunTogetherExactlyTheSingleProcessTest() throws Exception {
        String script = configMap("test.js");

        // The initializer: k6 archive, then k6 inspect --execution-requirements; the operator parses its log.
        String archive = K6Operator.archiveName(tmp, "test.js");
        Pods.Finished initializer = pods.run("initializer", List.of("sh", "-c", K6Operator.initializerProgram(
                script, archive, List.of("TARGET"), K6Operator.archiveArgs(ARGUMENTS), tmp)), RUN_TIMEOUT);
        assertThat(initializer.exitCode()).as("the initializer's exit code; its log:\n%s", initializer.log())
                .isZero();
        InspectOutput inspect = InspectOutput.parse(initializer.log());
        assertThat(inspect.maxVUs()).as("maxVUs, which the operator compares with the parallelism")
                .isEqualTo(15).isGreaterThanOrEqualTo(PARALLELISM);
        assertThat(inspect.totalDuration()).as("totalDuration").isPositive();
        assertThat(inspect.thresholds()).containsEntry("checks", List.of("rate==1"))
                .containsEntry("http_req_failed", List.of("rate==0"));

        // The runners, paused, each in its pod; the operator's readiness probe until each answers.
        List<String> addresses = new ArrayList<>();
        List<Process> runners = new ArrayList<>();
        for (int index = 1; index <= PARALLELISM; index++) {
            String address = "127.0.0.1:" + freePort();
            Process runner = pods.start(runnerPod(index),
                    K6Operator.runnerCommand(index, PARALLELISM, ARGUMENTS, script, TEST_RUN, address));
            started.add(runner);
            runners.add(runner);
            addresses.add(address);
        }
        StatusProbe probe = new StatusProbe();
        for (int index = 1; index <= PARALLELISM; index++) {
            JsonNode status = awaitReady(probe, runnerPod(index), addresses.get(index - 1), runners.get(index - 1));
            assertThat(status.path("paused").asBoolean()).as("runner %d paused before the starter", index).isTrue();
        }

        try (LivenessWatch liveness = new LivenessWatch(probe, Duration.ofSeconds(1))) {
            for (int index = 1; index <= PARALLELISM; index++) {
                liveness.watch(runnerPod(index), addresses.get(index - 1), runners.get(index - 1));
            }

            // The starter: one curl PATCH per runner, in one sh -c, as the operator's starter job runs it.
            Pods.Finished starter = pods.run("starter", List.of("sh", "-c", K6Operator.starterProgram(addresses)),
                    Duration.ofMinutes(1));
            assertThat(starter.exitCode()).as("the starter's exit code; its log:\n%s", starter.log()).isZero();
            assertThat(curlReports(starter.log())).as("the starter's curl reports:\n%s", starter.log())
                    .hasSize(PARALLELISM).allSatisfy(report -> assertThat(report.path("http_code").asInt())
                            .isEqualTo(200));

            for (int index = 1; index <= PARALLELISM; index++) {
                String pod = runnerPod(index);
                assertThat(awaitExit(runners.get(index - 1), pod)).as("runner %d's exit code; its log:\n%s", index,
                        pods.logText(pod)).isZero();
                LivenessWatch.Report report = liveness.report(pod);
                System.out.println("rehearsal: " + pod + " liveness probes: " + report);
                assertThat(report.mostFailedInARow()).as("failed liveness probes in a row for %s: %s", pod, report)
                        .isLessThan(LivenessWatch.FAILURE_THRESHOLD);
            }
        }

        // The same test in one process, for the totals.
        Pods.Finished single = pods.run("single", singleProcessCommand(script), RUN_TIMEOUT);
        assertThat(single.exitCode()).as("the single process's exit code; its log:\n%s", single.log()).isZero();
        JsonResults whole = JsonResults.read(pods.dir("single").resolve("result.json"));

        List<JsonResults> parts = new ArrayList<>();
        for (int index = 1; index <= PARALLELISM; index++) {
            JsonResults part = JsonResults.read(pods.dir(runnerPod(index)).resolve("result.json"));
            assertThat(part.tagValues()).as("runner %d's tags", index)
                    .containsEntry("instance_id", Set.of(String.valueOf(index)))
                    .containsEntry("testrun_name", Set.of(TEST_RUN))
                    .containsEntry("rehearsal", Set.of("operator"));
            parts.add(part);
        }
        assertAddsUpTo(parts, whole);
    }

    /** The runners' iterations add up to the single process's, and together they ran each iteration once. */
    private static void assertAddsUpTo(List<JsonResults> parts, JsonResults whole) {
        assertThat(whole.iterations()).as("the single process's iterations")
                .containsEntry("shared", 40L).containsEntry("per_vu", 12L);
        assertThat(whole.scheduled("arrival")).as("the single process's arrival-rate iterations and drops")
                .isEqualTo(16);
        for (String scenario : List.of("shared", "per_vu")) {
            assertThat(parts.stream().mapToLong(part -> part.iterations().getOrDefault(scenario, 0L)).sum())
                    .as("the runners' %s iterations together", scenario)
                    .isEqualTo(whole.iterations().get(scenario));
        }
        assertThat(parts.stream().mapToLong(part -> part.scheduled("arrival")).sum())
                .as("the runners' arrival-rate iterations and drops together").isEqualTo(whole.scheduled("arrival"));

        List<Long> sharedIds = new ArrayList<>();
        List<Long> arrivalIds = new ArrayList<>();
        Set<Long> vus = new HashSet<>();
        for (JsonResults part : parts) {
            sharedIds.addAll(part.iterationsInTest().getOrDefault("shared", List.of()));
            arrivalIds.addAll(part.iterationsInTest().getOrDefault("arrival", List.of()));
            Set<Long> twice = new HashSet<>(part.vusInTest());
            twice.retainAll(vus);
            assertThat(twice).as("VU numbers in the test used by two runners").isEmpty();
            vus.addAll(part.vusInTest());
        }
        assertThat(sharedIds).as("the shared-iterations numbers across runners")
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 40).boxed().toList());
        assertThat(arrivalIds).as("the arrival-rate iteration numbers across runners").doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).isBetween(0L, 15L));
        // Not 1 to 15: a segment's VUs take their numbers from the stripes of the whole sequence, so k6 itself gives
        // out numbers above the test's maxVUs in a split run (16 here).
        assertThat(vus).as("VU numbers in the test").allSatisfy(id -> assertThat(id).isPositive());
    }

    @Test
    void theStopperEndsARunnerWithExitCode103() throws Exception {
        String script = configMap("long.js");
        String address = "127.0.0.1:" + freePort();
        // Parallelism 1: the operator gives no segment flags then.
        Process runner = pods.start("stopped-1", K6Operator.runnerCommand(1, 1, List.of(), script, "k6j-stopped",
                address));
        started.add(runner);
        StatusProbe probe = new StatusProbe();
        awaitReady(probe, "stopped-1", address, runner);

        Pods.Finished starter = pods.run("starter", List.of("sh", "-c", K6Operator.starterProgram(List.of(address))),
                Duration.ofMinutes(1));
        assertThat(curlReports(starter.log())).as("the starter's log:\n%s", starter.log()).singleElement()
                .satisfies(report -> assertThat(report.path("http_code").asInt()).isEqualTo(200));
        awaitRunning(probe, address, runner);

        Pods.Finished stopper = pods.run("stopper", List.of("sh", "-c", K6Operator.stopperProgram(List.of(address))),
                Duration.ofMinutes(1));
        assertThat(curlReports(stopper.log())).as("the stopper's log:\n%s", stopper.log()).singleElement()
                .satisfies(report -> assertThat(report.path("http_code").asInt()).isEqualTo(200));
        assertThat(stopper.log()).contains("\"stopped\":true");
        assertThat(awaitExit(runner, "stopped-1")).as("the stopped runner's exit code; its log:\n%s",
                pods.logText("stopped-1")).isEqualTo(103);
    }

    @Test
    void theInitializerFailsTheTestRunWhenTheScriptCannotBeLoaded() throws Exception {
        Path broken = work.resolve(SCRIPT_FOLDER).resolve("broken.js");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "import { nothing } from 'k6/no-such-module';\nexport default function () {}\n");
        // This one as a TestRun with .spec.args has it: the static program, the k6 archive command as its arguments.
        String archive = K6Operator.archiveName(tmp, "broken.js");
        Pods.Finished initializer = pods.run("initializer", K6Operator.initializerCommandForArgs(broken.toString(),
                archive, Map.of("TARGET", testbed.httpUrl()), List.of("--tag", "note=a b; c"), tmp), RUN_TIMEOUT);
        assertThat(initializer.exitCode()).as("the initializer's log:\n%s", initializer.log()).isEqualTo(1);
        assertThat(initializer.log()).as("the log the operator shows").containsPattern("level=error");
    }

    @Test
    void theInitializerExits127WhenTheImageHasNoK6() throws Exception {
        String script = configMap("test.js");
        Pods.Finished initializer = pods.run("initializer", List.of("sh", "-c", K6Operator.initializerProgram(
                script, K6Operator.archiveName(tmp, "test.js"), List.of(), List.of(), tmp)), Duration.ofMinutes(1),
                false);
        assertThat(initializer.exitCode()).isEqualTo(127);
        assertThat(initializer.log().strip()).isEqualTo(K6Operator.MISSING_K6);
    }

    /** The ConfigMap volume: the script from the test's resources in {@code /test}; its path in the pods. */
    private String configMap(String name) throws IOException {
        Path folder = Files.createDirectories(work.resolve(SCRIPT_FOLDER));
        try (InputStream in = OperatorRehearsalIT.class.getResourceAsStream("/rehearsal/" + name)) {
            Files.copy(in, folder.resolve(name));
        }
        return folder.resolve(name).toString();
    }

    private static String runnerPod(int index) {
        return TEST_RUN + "-" + index;
    }

    /** The TestRun's test in one process: {@code k6 run} with the user's arguments, no segments, nothing paused. */
    private static List<String> singleProcessCommand(String script) {
        List<String> command = new ArrayList<>(List.of("k6", "run", "--quiet"));
        command.addAll(ARGUMENTS);
        command.add(script);
        command.add("--address=127.0.0.1:0");
        return command;
    }

    /** Probes until the runner answers (the status's attributes), failing when it ends or takes too long. */
    private JsonNode awaitReady(StatusProbe probe, String pod, String address, Process runner) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            assertThat(runner.isAlive()).as("runner %s ended (exit %s) before it was ready; its log:\n%s", pod,
                    runner.isAlive() ? "" : runner.exitValue(), pods.logText(pod)).isTrue();
            StatusProbe.Outcome outcome = probe.probe(address);
            if (outcome.ok()) {
                System.out.printf("rehearsal: %s answered its first probe %d ms after it started%n", pod,
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
                return attributes(outcome);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("runner " + pod + " did not answer GET /v1/status within " + READY_TIMEOUT
                + "; its log:\n" + pods.logText(pod));
    }

    private static void awaitRunning(StatusProbe probe, String address, Process runner) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && runner.isAlive()) {
            StatusProbe.Outcome outcome = probe.probe(address);
            if (outcome.ok() && attributes(outcome).path("running").asBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the runner at " + address + " never reported running: true");
    }

    private static JsonNode attributes(StatusProbe.Outcome outcome) throws IOException {
        String body = outcome.answer().substring(outcome.answer().indexOf(' ') + 1);
        return new ObjectMapper().readTree(body).path("data").path("attributes");
    }

    private int awaitExit(Process runner, String pod) throws Exception {
        if (!runner.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("runner " + pod + " still runs after " + RUN_TIMEOUT + "; its log:\n"
                    + pods.logText(pod));
        }
        return runner.exitValue();
    }

    /** The JSON lines curl's {@code -w} printed after each response, one per runner. */
    private static List<JsonNode> curlReports(String log) throws IOException {
        List<JsonNode> reports = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : log.split("\n")) {
            if (line.startsWith("{\"http_code\":")) {
                reports.add(json.readTree(line));
            }
        }
        return reports;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
