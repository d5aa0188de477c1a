#!/usr/bin/env bash
# k6/x/tcp under load: BENCH_VUS VUs (200), each holding one socket to the testbed's TCP echo server and echoing
# line after line over it for BENCH_SECONDS (10). Prints echoes, echoes/s, errors, k6j's CPU time and peak RSS.
#
#   benchmarks/tcp.sh
#
# The engine with k6/x/tcp is bundled first (bin/bundler build --with tcp, from this checkout's build output).
# It prints numbers and never judges them. Everything runs on 127.0.0.1. Script: scripts/tcp-echo.js.
# K6J_JS_RUNTIME=optimizing (or interpreter) benchmarks/tcp.sh picks the JS runtime instead of the default.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
vus=${BENCH_VUS:-200}
seconds=${BENCH_SECONDS:-10}

source benchmarks/lib.sh   # work, say, die, bench_start_testbed; cleans up at exit
[[ -x /usr/bin/time ]] || die "GNU time is needed: apt-get install time"

say "building the module and bundling an engine with it"
source bin/k6j-env.sh && k6j_require_jdk && k6j_require_maven && k6j_maven_env
mvn -q -B -DskipTests package -pl modules/tcp -am </dev/null >"$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; die "the build failed"; }
bin/bundler build -q --offline --with tcp -o "$work/k6j-tcp.jar" </dev/null >"$work/bundle.log" 2>&1 ||
    { cat "$work/bundle.log" >&2; die "bundler build --with tcp failed"; }

say "starting the testbed (TCP echo on a free port)"
bench_start_testbed "$work" tcp || exit 1
port=${testbed_url##*:}

say "running $vus VUs x ${seconds}s of echoes"
/usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$work/k6j-tcp" run -q -a "" \
    --summary-export "$work/summary.json" -e "TCP_PORT=$port" -e "VUS=$vus" -e "ECHO_SECONDS=$seconds" \
    benchmarks/scripts/tcp-echo.js </dev/null >"$work/run.log" 2>&1
code=$?
read -r wall user sys rss <"$work/time.txt"
cat >"$work/Report.java" <<'JAVA'
import java.nio.file.*;
import java.util.regex.*;

class Report {
    static long count(String json, String metric, String field) {
        Matcher m = Pattern.compile("\"" + metric + "\"\\s*:\\s*\\{[^}]*\"" + field + "\"\\s*:\\s*([0-9.]+)")
                .matcher(json);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    public static void main(String[] a) throws Exception {
        String json = Files.readString(Path.of(a[0]));
        long echoes = count(json, "checks", "passes");
        double seconds = Double.parseDouble(a[1]);
        System.out.printf("tcp echo: %d echoes in %ss = %.0f echoes/s, %d sockets, %d tcp_errors, %d failed checks,"
                        + " exit %s%n", echoes, a[1], echoes / seconds, count(json, "tcp_sockets", "count"),
                count(json, "tcp_errors", "count"), count(json, "checks", "fails"), a[2]);
        System.out.printf("k6j: %.1f s CPU (user+sys) in %s s wall, peak RSS %d MB%n",
                Double.parseDouble(a[3]) + Double.parseDouble(a[4]), a[6], Long.parseLong(a[5]) / 1024);
    }
}
JAVA
"$K6J_JDK/bin/java" "$work/Report.java" "$work/summary.json" "$seconds" "$code" "$user" "$sys" "$rss" "$wall"
[[ $code == 0 ]] || { tail -20 "$work/run.log" >&2; say "k6j exited with $code"; }
