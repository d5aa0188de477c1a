package dev.k6j.rehearsal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The commands Grafana's k6-operator (v1.6.0) gives its containers, ported line by line from its Go source so that
 * the rehearsal runs exactly them: {@code pkg/resources/jobs/initializer.go} (the initializer's {@code sh -c}
 * program), {@code runner.go} (the runners' {@code k6 run} command), {@code pkg/segmentation/segmentation.go} (the
 * execution segments), {@code pkg/types/k6cli.go} (which of the user's arguments reach {@code k6 archive}) and
 * {@code pkg/resources/containers/curl_start.go}, {@code curl_stop.go} (the starter's and stopper's curl).
 *
 * <p>Left out, as the rehearsal has none of them: Istio's {@code scuttle} wrapper, the cloud output and private
 * load zones, and the existence check of {@code LocalFile} scripts. One change, said where it is: the pod's
 * {@code /tmp} is a folder of the rehearsal's, so that rehearsals running side by side don't share files.
 */
final class K6Operator {

    /** What the initializer prints when the image has no {@code k6}, before exiting with 127. */
    static final String MISSING_K6 =
            "level=error msg=\"k6 executable not found in PATH; initializer image must contain k6\"";

    /** The runners' REST API address in the operator's command; the rehearsal puts a loopback port instead. */
    static final String RUNNER_ADDRESS = "0.0.0.0:6565";

    private K6Operator() {
    }

    /**
     * {@code initializerShellScript}: the program the initializer runs with {@code sh -c}. Its whole stdout is
     * parsed by the operator as {@code k6 inspect --execution-requirements}' JSON; the stderr of {@code k6 archive}
     * and {@code k6 inspect} goes to a log file, printed only on failure, and a line of it matching
     * {@code level.*error} fails the test run.
     *
     * @param tmp the pod's {@code /tmp} ({@code "/tmp"} in the operator)
     */
    static String initializerShellScript(String setup, String archiveRef, String archiveCmd, String tmp) {
        String setupLines = setup.isEmpty() ? "" : setup + "\n";
        return "if ! command -v k6 >/dev/null 2>&1; then\n"
                + "  echo '" + MISSING_K6 + "' >&2\n"
                + "  exit 127\n"
                + "fi\n"
                + "\n"
                + "logs=" + tmp + "/k6logs\n"
                + setupLines + "\n"
                + "if ! mkdir -p \"$(dirname " + archiveRef + ")\"; then\n"
                + "  exit 1\n"
                + "fi\n"
                + "\n"
                + "if ! " + archiveCmd + " 2> \"${logs}\"; then\n"
                + "  cat \"${logs}\"\n"
                + "  exit 1\n"
                + "fi\n"
                + "\n"
                + "if ! k6 inspect --execution-requirements " + archiveRef + " 2> \"${logs}\"; then\n"
                + "  cat \"${logs}\"\n"
                + "  exit 1\n"
                + "fi\n"
                + "\n"
                + "if grep 'level.*error' \"${logs}\"; then\n"
                + "  exit 1\n"
                + "fi";
    }

    /** {@code "/tmp/%s.archived.tar"}: where the initializer writes the archive of {@code scriptFileName}. */
    static String archiveName(String tmp, String scriptFileName) {
        return tmp + "/" + scriptFileName + ".archived.tar";
    }

    /**
     * {@code newInitializerCommand} for a TestRun with {@code .spec.arguments} (the shell form, which most TestRuns
     * use): the one argument after {@code sh -c}. Environment variables of the initializer become {@code -e
     * NAME="${NAME}"}, expanded by the shell.
     */
    static String initializerProgram(String scriptName, String archiveName, List<String> envNames,
                                     List<String> archiveArgs, String tmp) {
        StringBuilder env = new StringBuilder();
        for (String name : envNames) {
            env.append(" -e ").append(name).append("=\"${").append(name).append("}\"");
        }
        String archiveCmd = "k6 archive " + scriptName + env + " -O " + archiveName + " "
                + String.join(" ", archiveArgs);
        return initializerShellScript("", archiveName, archiveCmd, tmp);
    }

    /**
     * {@code newInitializerCommand} for a TestRun with {@code .spec.args} (exact argv elements): the static
     * {@code initializerScript} and its positional arguments, {@code sh} for {@code $0}, the archive for {@code $1},
     * and the {@code k6 archive} command. The operator writes environment variables as {@code -e NAME=$(NAME)}, which
     * the kubelet expands before the container starts; {@code env} holds them expanded.
     */
    static List<String> initializerCommandForArgs(String scriptName, String archiveName, Map<String, String> env,
                                                  List<String> archiveArgs, String tmp) {
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                initializerShellScript("archive=\"$1\"\nshift", "\"${archive}\"", "\"$@\"", tmp),
                "sh", archiveName, "k6", "archive", scriptName));
        env.forEach((name, value) -> command.addAll(List.of("-e", name + "=" + value)));
        command.addAll(List.of("-O", archiveName));
        command.addAll(archiveArgs);
        return command;
    }

    /** {@code ParseCLI(argv).ArchiveArgs}: the user's arguments that the initializer passes to {@code k6 archive}. */
    static List<String> archiveArgs(List<String> argv) {
        List<String> archive = new ArrayList<>();
        int i = 0;
        while (i < argv.size()) {
            String arg = argv.get(i);
            if (arg.isEmpty() || arg.charAt(0) != '-') {
                throw new IllegalArgumentException("encountered an invalid value for k6 CLI argument: `" + arg + "`");
            }
            int end = valueEnd(i + 1, argv);
            boolean skipped = arg.startsWith("--log-output") || arg.startsWith("--block-hostnames")
                    || arg.startsWith("--blacklist-ip") || arg.startsWith("--user-agent")
                    || arg.equals("-o") || arg.equals("--out")
                    || arg.equals("-l") || arg.equals("--linger") || arg.equals("--no-usage-report")
                    || arg.equals("--verbose") || arg.equals("-v");
            if (!skipped) {
                archive.addAll(argv.subList(i, end));
            }
            i = end;
        }
        return archive;
    }

    /** {@code lastArgV}: the end of the values that follow a flag. */
    private static int valueEnd(int start, List<String> args) {
        int end = start;
        while (end < args.size()) {
            String arg = args.get(end);
            if (arg.isEmpty()) {
                if (end == start) {
                    end++;
                }
                break;
            }
            if (arg.charAt(0) == '-') {
                break;
            }
            end++;
        }
        return end;
    }

    /** {@code NewCommandFragments(index, total)}: runner {@code index} (from 1) of {@code total}. */
    static List<String> segmentFlags(int index, int total) {
        List<String> parts = new ArrayList<>();
        parts.add("0");
        for (int i = 1; i < total; i++) {
            parts.add(i + "/" + total);
        }
        parts.add("1");
        String segment = segmentPart(index - 1, total) + ":" + segmentPart(index, total);
        return List.of("--execution-segment=" + segment, "--execution-segment-sequence=" + String.join(",", parts));
    }

    private static String segmentPart(int index, int total) {
        if (index == 0) {
            return "0";
        }
        return index == total ? "1" : index + "/" + total;
    }

    /**
     * {@code NewRunnerJob}'s container command for runner {@code index} (from 1) of {@code parallelism}, with the
     * defaults {@code quiet} and {@code paused} true: the user's arguments before the script, the REST API address,
     * {@code --paused} and the tags after it.
     *
     * @param address {@link #RUNNER_ADDRESS} in the operator
     */
    static List<String> runnerCommand(int index, int parallelism, List<String> argv, String scriptName,
                                      String testRunName, String address) {
        List<String> command = new ArrayList<>(List.of("k6", "run", "--quiet"));
        if (parallelism > 1) {
            command.addAll(segmentFlags(index, parallelism));
        }
        command.addAll(argv);
        command.add(scriptName);
        command.add("--address=" + address);
        command.add("--paused");
        command.add("--tag");
        command.add("instance_id=" + index);
        command.add("--tag");
        command.add("testrun_name=" + testRunName);
        return command;
    }

    /** The starter's {@code sh -c} program: one curl PATCH per runner ({@code host:port}), joined by {@code ;}. */
    static String starterProgram(List<String> runners) {
        return curlPatches(runners, "{\"data\":{\"attributes\":{\"paused\":false,\"stopped\":false},"
                + "\"id\":\"default\",\"type\":\"status\"}}");
    }

    /** The stopper's {@code sh -c} program, the starter's with {@code "stopped":true}. */
    static String stopperProgram(List<String> runners) {
        return curlPatches(runners, "{\"data\":{\"attributes\":{\"paused\":false,\"stopped\":true},"
                + "\"id\":\"default\",\"type\":\"status\"}}");
    }

    private static String curlPatches(List<String> runners, String body) {
        List<String> parts = new ArrayList<>();
        for (String runner : runners) {
            parts.add("curl --retry 3 -X PATCH -H 'Content-Type: application/json' http://" + runner
                    + "/v1/status -d '" + body + "' -s -w '\n{\"http_code\":%{http_code},\"time_total\":"
                    + "%{time_total},\"time_starttransfer\":%{time_starttransfer},\"url\":\"%{url_effective}\","
                    + "\"remote_ip\":\"%{remote_ip}\",\"errormsg\":\"%{errormsg}\"}'");
        }
        return String.join(";", parts);
    }
}
