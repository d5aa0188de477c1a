package dev.k6j.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The port of the operator's commands gives what the operator's own tests expect. */
class K6OperatorTest {

    @Test
    void segmentFlagsAreTheOperatorsForRunnerOneOfFour() {
        // pkg/segmentation/suite_test.go
        assertThat(K6Operator.segmentFlags(1, 4)).containsExactly("--execution-segment=0:1/4",
                "--execution-segment-sequence=0,1/4,2/4,3/4,1");
        assertThat(K6Operator.segmentFlags(4, 4)).containsExactly("--execution-segment=3/4:1",
                "--execution-segment-sequence=0,1/4,2/4,3/4,1");
    }

    @Test
    void aSingleRunnerGetsNoSegmentsAndItsFlagsFollowTheScript() {
        // pkg/resources/jobs/runner_test.go, the default TestRun
        assertThat(K6Operator.runnerCommand(1, 1, List.of(), "/test/test.js", "test", K6Operator.RUNNER_ADDRESS))
                .containsExactly("k6", "run", "--quiet", "/test/test.js", "--address=0.0.0.0:6565", "--paused",
                        "--tag", "instance_id=1", "--tag", "testrun_name=test");
    }

    @Test
    void runnersGetSegmentsBeforeTheUsersArgumentsAndTheScript() {
        assertThat(K6Operator.runnerCommand(2, 4, List.of("--out", "json=r.json"), "/test/test.js", "name",
                K6Operator.RUNNER_ADDRESS)).containsExactly("k6", "run", "--quiet", "--execution-segment=1/4:2/4",
                "--execution-segment-sequence=0,1/4,2/4,3/4,1", "--out", "json=r.json", "/test/test.js",
                "--address=0.0.0.0:6565", "--paused", "--tag", "instance_id=2", "--tag", "testrun_name=name");
    }

    @Test
    void archiveArgumentsLeaveOutOutputsLingerAndVerbose() {
        // pkg/types/k6cli_test.go
        assertThat(K6Operator.archiveArgs(List.of("--vus", "10", "--out", "json", "-o", "csv", "--out", "cloud",
                "--verbose"))).containsExactly("--vus", "10");
        assertThat(K6Operator.archiveArgs(List.of("-u", "10", "-d", "5", "-l"))).containsExactly("-u", "10", "-d",
                "5");
        assertThat(K6Operator.archiveArgs(List.of("--tag", "a=b", "--user-agent", "", "-e", "X=1")))
                .containsExactly("--tag", "a=b", "-e", "X=1");
        assertThatThrownBy(() -> K6Operator.archiveArgs(List.of("--vus", "10", "", "stray")))
                .hasMessageContaining("invalid value");
    }

    @Test
    void theStarterIsOneCurlPatchPerRunner() {
        // pkg/resources/containers/curl_test.go
        String payload = "{\"data\":{\"attributes\":{\"paused\":false,\"stopped\":false},\"id\":\"default\","
                + "\"type\":\"status\"}}";
        String one = "curl --retry 3 -X PATCH -H 'Content-Type: application/json' http://test-1:6565/v1/status -d '"
                + payload + "' -s -w '\n{\"http_code\":%{http_code},\"time_total\":%{time_total},"
                + "\"time_starttransfer\":%{time_starttransfer},\"url\":\"%{url_effective}\",\"remote_ip\":"
                + "\"%{remote_ip}\",\"errormsg\":\"%{errormsg}\"}'";
        assertThat(K6Operator.starterProgram(List.of("test-1:6565", "test-2:6565")))
                .isEqualTo(one + ";" + one.replace("test-1", "test-2"));
        assertThat(K6Operator.stopperProgram(List.of("test-1:6565")))
                .isEqualTo(one.replace("\"stopped\":false", "\"stopped\":true"));
    }

    @Test
    void withSpecArgsTheInitializerIsTheStaticScriptWithPositionalArguments() {
        // pkg/resources/jobs/initializer_test.go, ".spec.args use the static script"
        List<String> command = K6Operator.initializerCommandForArgs("/test/test.js", "/tmp/test.js.archived.tar",
                Map.of(), List.of("--tag", "note=hello world; rm -rf /"), "/tmp");
        assertThat(command.get(2)).contains("logs=/tmp/k6logs\narchive=\"$1\"\nshift\n\nif ! mkdir -p "
                        + "\"$(dirname \"${archive}\")\"; then")
                .contains("if ! \"$@\" 2> \"${logs}\"; then")
                .contains("if ! k6 inspect --execution-requirements \"${archive}\" 2> \"${logs}\"; then");
        assertThat(command).containsExactly("sh", "-c", command.get(2), "sh", "/tmp/test.js.archived.tar", "k6",
                "archive", "/test/test.js", "-O", "/tmp/test.js.archived.tar", "--tag", "note=hello world; rm -rf /");
    }

    @Test
    void theInitializerArchivesThenInspectsAndGrepsTheLogForErrors() {
        String program = K6Operator.initializerProgram("/test/test.js", "/tmp/test.js.archived.tar",
                List.of("TARGET"), List.of("--tag", "a=b"), "/tmp");
        assertThat(program)
                .startsWith("if ! command -v k6 >/dev/null 2>&1; then\n  echo '" + K6Operator.MISSING_K6
                        + "' >&2\n  exit 127\nfi\n\nlogs=/tmp/k6logs\n\nif ! mkdir -p \"$(dirname "
                        + "/tmp/test.js.archived.tar)\"; then")
                .contains("if ! k6 archive /test/test.js -e TARGET=\"${TARGET}\" -O /tmp/test.js.archived.tar "
                        + "--tag a=b 2> \"${logs}\"; then\n  cat \"${logs}\"\n  exit 1\nfi")
                .contains("if ! k6 inspect --execution-requirements /tmp/test.js.archived.tar 2> \"${logs}\"; then")
                .endsWith("if grep 'level.*error' \"${logs}\"; then\n  exit 1\nfi");
    }
}
