#!/usr/bin/env bash
# Which JavaScript runtime configuration serves which workload: start-up, plain HTTP, API-style HTTP
# with JavaScript on every response, and CPU-heavy JavaScript, each run under several runtime
# configurations (docs/runtime.md has the results and the decision they led to).
#
#   benchmarks/js-runtime.sh                        # every configuration below, 3 rounds
#   BENCH_CONFIGS="interpreter jit" BENCH_WORKLOADS="api cpu" benchmarks/js-runtime.sh
#
# Runs are interleaved (round 1: A B C, round 2: B C A, …) so that load from other processes on the
# machine spreads over all configurations instead of landing on one; the table shows medians, and
# the raw runs with the load average at each start are kept in the TSV it names.
# Knobs (environment): BENCH_ROUNDS (3), BENCH_CONFIGS (interpreter jit jit-latency; the table below
# has more), BENCH_WORKLOADS (startup hello hello-long api cpu loops), BENCH_HELLO_VUS (50),
# BENCH_HELLO_REQUESTS (50000), BENCH_HELLO_LONG_REQUESTS (250000), BENCH_API_VUS (200),
# BENCH_API_ITERATIONS (20000), BENCH_CPU_VUS (2, also for loops), BENCH_CPU_ITERATIONS (5000),
# BENCH_LOOPS_ITERATIONS (3000), BENCH_CPU_LIST (run k6j on these CPUs only, e.g. 0: taskset -c),
# BENCH_OUT (the TSV).
# It prints numbers and never judges them. Everything runs on 127.0.0.1.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
scripts=benchmarks/scripts
rounds=${BENCH_ROUNDS:-3}
workloads=${BENCH_WORKLOADS:-startup hello hello-long api cpu loops}
hello_vus=${BENCH_HELLO_VUS:-50}
hello_requests=${BENCH_HELLO_REQUESTS:-50000}
hello_long_requests=${BENCH_HELLO_LONG_REQUESTS:-250000}
api_vus=${BENCH_API_VUS:-200}
api_iterations=${BENCH_API_ITERATIONS:-20000}
cpu_vus=${BENCH_CPU_VUS:-2}
cpu_iterations=${BENCH_CPU_ITERATIONS:-5000}
loops_iterations=${BENCH_LOOPS_ITERATIONS:-3000}

# The configurations: a name and the environment ./k6j gets. K6J_JS_RUNTIME picks the runtime
# (docs/runtime.md); Truffle engine options go in as -Dpolyglot.engine.<Option>=<value> and JVM flags
# as they are, through K6J_JAVA_OPTS, which come after the launcher's own flags and so win.
declare -A config_env=(
    [interpreter]="K6J_JS_RUNTIME=interpreter"
    [jit]="K6J_JS_RUNTIME=optimizing K6J_JAVA_OPTS=-Dpolyglot.engine.Mode=default"
    [jit-latency]="K6J_JS_RUNTIME=optimizing K6J_JAVA_OPTS=-Dpolyglot.engine.Mode=latency"
    [jit-throughput]="K6J_JS_RUNTIME=optimizing K6J_JAVA_OPTS=-Dpolyglot.engine.Mode=throughput"
    [jit-singletier]="K6J_JS_RUNTIME=optimizing K6J_JAVA_OPTS=-Dpolyglot.engine.Mode=default -Dpolyglot.engine.MultiTier=false"
    [jit-c1]="K6J_JS_RUNTIME=optimizing K6J_JAVA_OPTS=-Dpolyglot.engine.Mode=default -XX:TieredStopAtLevel=1"
)
configs=${BENCH_CONFIGS:-interpreter jit jit-latency}
read -r -a config_list <<<"$configs"
for c in "${config_list[@]}"; do
    [[ -n ${config_env[$c]+set} ]] || { echo "bench: unknown configuration '$c' (known: ${!config_env[*]})" >&2; exit 2; }
done

out=${BENCH_OUT:-/tmp/k6j-js-runtime-$(date -u +%Y%m%dT%H%M%SZ).tsv}
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh   # work, say, die, bench_start_testbed; cleans up at exit

[[ -x /usr/bin/time ]] || die "GNU time is needed: apt-get install time"

say "building the engine if needed"
./k6j version >"$work/version.txt" 2>&1 </dev/null || { cat "$work/version.txt" >&2; die "./k6j version failed"; }

if [[ " $workloads " == *" hello"* || " $workloads " == *" api "* ]]; then
    say "starting the testbed (HTTP/1.1 on a free port)"
    bench_start_testbed "$work" || exit 1
    say "testbed: $base"
fi

# measure WORKLOAD CONFIG ROUND: one run of a fixed amount of work; appends a line to the TSV:
# workload config round wall_s cpu_s work unit load_average
# Fixed work rather than a fixed duration: k6j's CPU time for the same job hardly depends on what else
# the machine runs, while requests/s in a fixed time does (docs/runtime.md, "Measuring").
measure() {
    local workload=$1 config=$2 round=$3 summary=$work/summary.json log=$work/run.log args work_done unit
    local -a envs
    read -r -a envs <<<"${config_env[$config]}"
    # K6J_JAVA_OPTS may hold several options: everything after it belongs to it.
    local i
    for i in "${!envs[@]}"; do
        if [[ ${envs[$i]} == K6J_JAVA_OPTS=* ]]; then
            envs=("${envs[@]:0:$i}" "${envs[*]:$i}")
            break
        fi
    done
    case $workload in
        startup) args=(run -q -i 1 "$scripts/noop.js") unit=run ;;
        hello) args=(run -q -u "$hello_vus" -i "$hello_requests" -e "TARGET=$base/hello" "$scripts/http-get.js") unit=req ;;
        hello-long) args=(run -q -u "$hello_vus" -i "$hello_long_requests" -e "TARGET=$base/hello" "$scripts/http-get.js") unit=req ;;
        api) args=(run -q -u "$api_vus" -i "$api_iterations" -e "TARGET=$base" "$scripts/http-api.js") unit=iter ;;
        cpu) args=(run -q -u "$cpu_vus" -i "$cpu_iterations" "$scripts/js-cpu.js") unit=iter ;;
        loops) args=(run -q -u "$cpu_vus" -i "$loops_iterations" "$scripts/js-loops.js") unit=iter ;;
        *) die "unknown workload '$workload' (known: startup hello hello-long api cpu loops)" ;;
    esac
    local load start end
    load=$(cut -d' ' -f1 /proc/loadavg)
    rm -f "$summary"
    start=$(date +%s%N)
    # BENCH_CPU_LIST pins k6j to those CPUs (taskset -c): a smaller machine, as the JVM sees it.
    local -a pin=()
    [[ -n ${BENCH_CPU_LIST:-} ]] && pin=(taskset -c "$BENCH_CPU_LIST")
    if ! env K6J_SKIP_BUILD=1 "${envs[@]}" /usr/bin/time -f '%U %S' -o "$work/time.txt" "${pin[@]}" ./k6j "${args[@]}" \
            --summary-export "$summary" >"$log" 2>&1 </dev/null; then
        say "$workload/$config round $round failed; the end of its output:"
        tail -n 15 "$log" | sed 's/^/    /' >&2
        return
    fi
    end=$(date +%s%N)
    # A run whose checks failed did other work than the others: say so rather than count it.
    local failed
    failed=$(jq -r '.metrics.checks.fails // 0' "$summary")
    [[ $failed == 0 ]] || say "$workload/$config round $round: $failed checks failed"
    work_done=$(jq -r --arg u "$unit" 'if $u == "req" then .metrics.http_reqs.count else .metrics.iterations.count end' "$summary")
    local wall cpu
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
    cpu=$(awk '{printf "%.2f", $1 + $2}' "$work/time.txt")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$workload" "$config" "$round" "$wall" "$cpu" "$work_done" "$unit" "$load" >>"$out"
    say "$(printf '%-10s %-12s round %s: wall %7.2f s  cpu %7.2f s  %s %s  load %s' "$workload" "$config" "$round" "$wall" "$cpu" "$work_done" "$unit" "$load")"
}

printf 'workload\tconfig\tround\twall_s\tcpu_s\twork\tunit\tload\n' >"$out"
n=${#config_list[@]}
for ((round = 1; round <= rounds; round++)); do
    for workload in $workloads; do
        # Rotate the order every round, so no configuration always runs first (or right after another).
        for ((k = 0; k < n; k++)); do
            measure "$workload" "${config_list[$(((k + round - 1) % n))]}" "$round"
        done
    done
done

echo
echo "k6j JS runtime configurations  ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores${BENCH_CPU_LIST:+, k6j on CPUs $BENCH_CPU_LIST})"
echo "medians of $rounds rounds [min–max]; wall = the whole ./k6j run, start-up included; CPU = k6j's user+sys"
python3 - "$out" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
by = {}
for r in rows:
    by.setdefault((r['workload'], r['config']), []).append(r)
print('%-10s %-12s %-22s %-22s %-16s %s' % ('workload', 'config', 'wall s', 'CPU s', 'rate (work/wall)', 'load avg'))
for (w, c), rs in sorted(by.items(), key=lambda kv: (kv[0][0], kv[0][1])):
    wall = [float(r['wall_s']) for r in rs]
    cpu = [float(r['cpu_s']) for r in rs]
    work = int(rs[0]['work'])
    rate = '' if rs[0]['unit'] == 'run' else '%.0f %s/s' % (work / statistics.median(wall), rs[0]['unit'])
    loads = [float(r['load']) for r in rs]
    print('%-10s %-12s %6.2f [%.2f–%.2f]  %6.2f [%.2f–%.2f]  %-16s %.1f–%.1f (n=%d)' % (
        w, c, statistics.median(wall), min(wall), max(wall), statistics.median(cpu), min(cpu), max(cpu),
        rate, min(loads), max(loads), len(rs)))
PY
echo "raw runs: $out"
