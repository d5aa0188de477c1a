#!/usr/bin/env bash
# What the outputs do when what they write to fails during a test, with real servers:
#
#  1. Prometheus (remote write): a 100 s run (20 VUs, GET /hello on the testbed, pushes every second) while
#     Prometheus is stopped (SIGSTOP: connections hang, nothing answers) from 20 s to 35 s, then killed
#     (SIGKILL) at 55 s and started again on its data at 65 s. Prints the run's exit code and time, the
#     output's closing report, and Prometheus's final k6_http_reqs_total beside the summary's http_reqs.
#  2. Kafka: benchmarks a run with --out kafka while its broker (Kafka's KRaft test kit, in the JVM) goes away
#     for 2 s (less than the delivery timeout) and later for 15 s (more): delivered, failed, what the topic
#     holds, duplicates (dev.k6j.output.kafka.KafkaFaultBenchmark).
#
#   benchmarks/faults.sh                 # both
#   BENCH_PARTS=prometheus benchmarks/faults.sh
#
# Prometheus: Debian's prometheus binary (PROMETHEUS_BIN, /usr/bin/prometheus or the PATH; `apt-get install
# prometheus`, or `apt-get download prometheus && dpkg-deb -x prometheus_*.deb dir` for the binary alone).
# Knobs: BENCH_PARTS (prometheus kafka), BENCH_KAFKA_SECONDS (60). It prints numbers and never judges them.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
parts=${BENCH_PARTS:-prometheus kafka}

# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh   # work, say, die, bench_start_testbed; cleans up at exit
# shellcheck source=bin/k6j-env.sh
source bin/k6j-env.sh && k6j_require_jdk

prometheus_pid=
k6j_pid=
stop_all() {
    [[ -n $k6j_pid ]] && kill -9 "$k6j_pid" 2>/dev/null
    [[ -n $prometheus_pid ]] && { kill -CONT "$prometheus_pid" 2>/dev/null; kill "$prometheus_pid" 2>/dev/null; }
    bench_cleanup
}
trap stop_all EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- 1. Prometheus ---------------------------------------------------------------------------------
prometheus_part() {
    local bin=${PROMETHEUS_BIN:-}
    [[ -z $bin && -x /usr/bin/prometheus ]] && bin=/usr/bin/prometheus
    [[ -z $bin ]] && bin=$(command -v prometheus || true)
    [[ -n $bin && -x $bin ]] || { say "no prometheus binary (PROMETHEUS_BIN, /usr/bin/prometheus, PATH): skipping part 1"; return; }

    say "building the engine if needed"
    ./k6j version >"$work/version.txt" 2>&1 </dev/null || { cat "$work/version.txt" >&2; die "./k6j version failed"; }
    say "starting the testbed (HTTP/1.1 on a free port)"
    bench_start_testbed "$work" || exit 1

    local port data=$work/prometheus
    port=$(free_port)
    mkdir -p "$data/data"
    printf 'global:\n  scrape_interval: 1h\n  evaluation_interval: 1h\n' >"$data/prometheus.yml"
    start_prometheus() {
        "$bin" --config.file="$data/prometheus.yml" --storage.tsdb.path="$data/data" \
            --web.listen-address="127.0.0.1:$port" --web.enable-remote-write-receiver --log.level=warn \
            >>"$data/prometheus.log" 2>&1 </dev/null &
        prometheus_pid=$!
        for _ in $(seq 1 300); do
            curl -fs "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1 && return 0
            sleep 0.1
        done
        tail -n 20 "$data/prometheus.log" >&2
        die "prometheus did not start"
    }
    start_prometheus
    local url=http://127.0.0.1:$port/api/v1/write
    say "prometheus $("$bin" --version 2>&1 | head -n1 | cut -d' ' -f3) on 127.0.0.1:$port"

    local summary=$work/prom-summary.json began
    say "k6j run -u 20 -d 100s --out experimental-prometheus-rw (push every 1 s); load average $(cut -d' ' -f1-3 /proc/loadavg)"
    K6J_SKIP_BUILD=1 K6_PROMETHEUS_RW_PUSH_INTERVAL=1s ./k6j run -q -u 20 -d 100s --address "" \
        -e "TARGET=$base/hello" -e THINK=0.05 --out "experimental-prometheus-rw=$url" \
        --summary-export "$summary" benchmarks/scripts/soak.js >"$work/prom-k6j.out" 2>"$work/prom-k6j.err" </dev/null &
    k6j_pid=$!
    began=$(date +%s)
    at() { while (($(date +%s) - began < $1)); do sleep 0.2; done; }
    local timeline=""
    at 20; kill -STOP "$prometheus_pid"; timeline+="stopped at $(($(date +%s) - began)) s, "
    at 35; kill -CONT "$prometheus_pid"; timeline+="continued at $(($(date +%s) - began)) s, "
    at 55; kill -KILL "$prometheus_pid"; wait "$prometheus_pid" 2>/dev/null; timeline+="killed at $(($(date +%s) - began)) s, "
    at 65; start_prometheus; timeline+="started again at $(($(date +%s) - began)) s"
    wait "$k6j_pid"
    local rc=$? ended
    ended=$(($(date +%s) - began))
    k6j_pid=
    sleep 2
    local counter
    counter=$(curl -fs "http://127.0.0.1:$port/api/v1/query" --data-urlencode 'query=sum(k6_http_reqs_total)' |
        python3 -c 'import json, sys; r = json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "none")')
    python3 - "$summary" "$counter" "$rc" "$ended" "$timeline" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
reqs = m["http_reqs"]["count"]
counter, rc, ended, timeline = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
print(f"prometheus faults during a 100 s run: {timeline}")
print(f"  run: exit {rc} after {ended} s; http_reqs {reqs:,.0f} in the summary,"
      f" failed {m.get('http_req_failed', {}).get('value', 0) * 100:.2f} %")
same = counter != "none" and abs(float(counter) - reqs) < 0.5
print(f"  prometheus: sum(k6_http_reqs_total) = {counter} ({'equal to' if same else 'NOT equal to'} the summary)")
PY
    grep -E "experimental-prometheus-rw|push" "$work/prom-k6j.err" | sed 's/^/  log: /'
    kill "$prometheus_pid" 2>/dev/null; wait "$prometheus_pid" 2>/dev/null; prometheus_pid=
    kill "$testbed_pid" 2>/dev/null; wait "$testbed_pid" 2>/dev/null; testbed_pid=
}

# --- 2. Kafka ----------------------------------------------------------------------------------------
kafka_part() {
    k6j_require_maven
    k6j_maven_env
    local dir=outputs/kafka/target log=outputs/kafka/target/faults-build.log
    mkdir -p "$dir"
    say "building outputs/kafka's test classes"
    if ! mvn -o -q -B -DskipTests install -pl outputs/kafka -am >"$log" 2>&1 </dev/null ||
            ! mvn -o -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
            -Dmdep.outputFile="$root/$dir/test-classpath.txt" -pl outputs/kafka >>"$log" 2>&1 </dev/null; then
        tail -n 30 "$log" >&2
        die "the build failed"
    fi
    local testkit
    testkit=$(sed -n 's:.*<kafka-testkit.version>\(.*\)</kafka-testkit.version>.*:\1:p' pom.xml | head -n1)
    say "kafka: a ${BENCH_KAFKA_SECONDS:-60} s run with two broker restarts; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    mkdir -p "$work/kafka"
    "$K6J_JDK/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
        -Dpolyglot.engine.WarnInterpreterOnly=false -Xmx2g -Dkafka.testkit.version="$testkit" \
        -cp "$dir/test-classes:$dir/classes:$(cat "$dir/test-classpath.txt")" \
        dev.k6j.output.kafka.KafkaFaultBenchmark outputs/kafka/src/test/resources/scripts/metrics.js "$work/kafka" \
        "${BENCH_KAFKA_SECONDS:-60}"
}

for part in $parts; do
    case $part in
        prometheus) prometheus_part ;;
        kafka) kafka_part ;;
        *) die "no part '$part': prometheus or kafka" ;;
    esac
done
