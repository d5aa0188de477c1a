#!/usr/bin/env bash
# Start-up time, peak memory of sleeping VUs, and CPU-heavy iteration time of k6j, in one run.
#
#   benchmarks/startup-memory-cpu.sh
#
# It prints numbers and never judges them: a slow result does not fail it, only a run that
# could not run at all does. Knobs (environment): BENCH_RUNS (start-up runs, 5),
# BENCH_VUS (sleeping VUs, 1000), BENCH_DURATION (10s), BENCH_ITERATIONS (JSON iterations, 200).
# JVM options go through K6J_JAVA_OPTS as for ./k6j (e.g. K6J_JAVA_OPTS=-Xmx1g to cap the heap).
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
k6j=./k6j
scripts=benchmarks/scripts
runs=${BENCH_RUNS:-5}
vus=${BENCH_VUS:-1000}
duration=${BENCH_DURATION:-10s}
iterations=${BENCH_ITERATIONS:-200}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

say() { echo "bench: $*" >&2; }

# note_failure WHAT RC LOG: a run that failed; show why and remember it for the exit code.
note_failure() {
    say "$1 failed (exit code $2); the end of its output:"
    tail -n 15 "$3" | sed 's/^/    /' >&2
    failures=$((failures + 1))
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# --- 0. the engine: build it first so no build lands inside a measurement ---------------------
say "building the engine if needed, and asking which JS runtime runs"
if "$k6j" version >"$work/version.txt" 2>"$work/version.err" </dev/null; then
    js_runtime=$(grep -m1 'JS runtime:' "$work/version.txt" | sed 's/.*JS runtime: *//')
    engine_version=$(head -n1 "$work/version.txt")
else
    rc=$?
    cat "$work/version.err" >>"$work/version.txt"
    note_failure "./k6j version" "$rc" "$work/version.txt"
fi
js_runtime=${js_runtime:-unknown}

# --- 1. start-up: wall time of a whole 1 VU x 1 iteration run, median of $runs ----------------
say "start-up: $runs runs of: $k6j run -q --no-summary -i 1 $scripts/noop.js"
times=()
for ((i = 1; i <= runs; i++)); do
    start=$(now_ms)
    if "$k6j" run -q --no-summary -i 1 "$scripts/noop.js" >"$work/startup.log" 2>&1 </dev/null; then
        times+=($(($(now_ms) - start)))
    else
        note_failure "start-up run $i" $? "$work/startup.log"
        break
    fi
done
if ((${#times[@]} > 0)); then
    mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
    startup_median="${sorted[$(((${#sorted[@]} - 1) / 2))]} ms"
    startup_all="${times[*]}"
fi

# --- 2. peak RSS and CPU time with $vus sleeping VUs ----------------------------------------------
if [[ ! -x /usr/bin/time ]] && command -v apt-get >/dev/null 2>&1 && [[ $(id -u) == 0 ]]; then
    say "installing GNU time (apt-get install -y time) to read the peak RSS"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null 2>&1; }
fi

# sleepers VUS DURATION: run the sleepers script; sets peak_kb (peak RSS of the JVM) and cpu.
# ./k6j execs java, so the process measured is the JVM itself.
sleepers() {
    local log=$work/sleepers-$1.log pid hwm
    peak_kb='' cpu=''
    say "memory: $k6j run -q --no-summary -u $1 -d $2 $scripts/sleepers.js"
    if [[ -x /usr/bin/time ]]; then
        if /usr/bin/time -v -o "$work/time.txt" \
                "$k6j" run -q --no-summary -u "$1" -d "$2" "$scripts/sleepers.js" >"$log" 2>&1 </dev/null; then
            peak_kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$work/time.txt")
            cpu="$(sed -n 's/.*User time (seconds): *//p' "$work/time.txt")s user + $(
                sed -n 's/.*System time (seconds): *//p' "$work/time.txt")s sys in $(
                sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): *//p' "$work/time.txt")"
        else
            note_failure "the $1-VU run" $? "$log"
        fi
    else
        # No GNU time: poll the JVM's high-water mark (VmHWM only grows: the last reading is the peak).
        "$k6j" run -q --no-summary -u "$1" -d "$2" "$scripts/sleepers.js" >"$log" 2>&1 </dev/null &
        pid=$!
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(sed -n 's/^VmHWM: *\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null)
            [[ -n $hwm ]] && peak_kb=$hwm
            sleep 0.2
        done
        wait "$pid" || note_failure "the $1-VU run" $? "$log"
        cpu="n/a (no /usr/bin/time)"
    fi
}

# A 1-VU run first: the JVM and the engine alone, so that what the VUs add can be told apart.
sleepers 1 3s
base_kb=$peak_kb
sleepers "$vus" "$duration"
if [[ -n $peak_kb ]]; then
    rss="$((peak_kb / 1024)) MiB"
    if [[ -n $base_kb ]] && ((vus > 1)); then
        rss_per_vu="$(((peak_kb - base_kb) / (vus - 1))) KiB  (1 VU alone: $((base_kb / 1024)) MiB)"
    fi
fi

# --- 3. CPU-heavy JavaScript: iteration_duration of JSON round trips ----------------------------
say "CPU: $k6j run -q -u 1 -i $iterations --summary-export <file> $scripts/json-roundtrip.js"
summary=$work/summary.json
if "$k6j" run -q -u 1 -i "$iterations" --summary-export "$summary" "$scripts/json-roundtrip.js" >"$work/json.log" 2>&1 </dev/null; then
    # k6's summary export: metrics.iteration_duration.{avg,med,"p(95)"}, in milliseconds.
    if command -v jq >/dev/null 2>&1; then
        iter=$(jq -r '.metrics.iteration_duration | "\(.avg) \(.med) \(.["p(95)"])"' "$summary" 2>/dev/null)
    else
        iter=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["metrics"]["iteration_duration"]; print(m["avg"], m["med"], m["p(95)"])' "$summary" 2>/dev/null)
    fi
    if read -r avg med p95 <<<"$iter" && [[ -n ${p95:-} && $p95 != null ]]; then
        json_times=$(printf 'avg %.1f ms, med %.1f ms, p(95) %.1f ms' "$avg" "$med" "$p95")
    else
        say "could not read metrics.iteration_duration from the summary export"
        failures=$((failures + 1))
    fi
else
    note_failure "the JSON run" $? "$work/json.log"
fi

# --- the table --------------------------------------------------------------------------------
row() { printf '%-44s %s\n' "$1" "$2"; }
echo
echo "k6j start-up, memory and CPU  ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
row "machine" "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
row "engine" "${engine_version:-unknown}"
row "JS runtime" "$js_runtime"
row "JVM options (K6J_JAVA_OPTS)" "${K6J_JAVA_OPTS:-none}"
echo "--------------------------------------------------------------------------------"
row "start-up, 1 VU x 1 iteration (median of $runs)" "${startup_median:-n/a}${startup_all:+  (runs: $startup_all ms)}"
row "peak RSS, $vus sleeping VUs for $duration" "${rss:-n/a}"
row "  per VU, over a 1-VU run" "${rss_per_vu:-n/a}"
row "  CPU time" "${cpu:-n/a}"
row "JSON round trips, 1 VU x $iterations iterations" "${json_times:-n/a}"

# Numbers never fail the benchmark; a run that could not run does.
((failures == 0))
