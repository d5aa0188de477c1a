#!/usr/bin/env bash
# A long run at steady load, to see whether k6j leaks or slows down: 200 VUs against the testbed's
# GET /hello for 10 minutes, sampled every 30 s for the iterations done, the JVM's resident memory (RSS),
# the heap in use right after a full GC (jcmd GC.run; what is really kept, not garbage), CPU time and
# threads. At the end: requests, failures, the iteration rate of the first and the last minutes, and how
# RSS and the heap after GC moved after the first minute (warm-up).
#
#   benchmarks/soak.sh
#   BENCH_DURATION=30m BENCH_VUS=500 benchmarks/soak.sh
#
# Knobs (environment): BENCH_VUS (200), BENCH_DURATION (10m), BENCH_SAMPLE_SECONDS (30), BENCH_THINK
# (0.1 s of sleep per iteration). The GC forced at each sample costs a few milliseconds of pause; the
# samples go to a TSV. It prints numbers and never judges them. Everything runs on 127.0.0.1.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
vus=${BENCH_VUS:-200}
duration=${BENCH_DURATION:-10m}
every=${BENCH_SAMPLE_SECONDS:-30}
think=${BENCH_THINK:-0.1}

# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh   # work, say, die, bench_start_testbed; cleans up at exit
# shellcheck source=bin/k6j-env.sh
source bin/k6j-env.sh && k6j_require_jdk
jcmd=$K6J_JDK/bin/jcmd
[[ -x $jcmd ]] || die "jcmd is needed (it comes with the JDK at $K6J_JDK)"

say "building the engine if needed"
./k6j version >"$work/version.txt" 2>&1 </dev/null || { cat "$work/version.txt" >&2; die "./k6j version failed"; }
say "starting the testbed (HTTP/1.1 on a free port)"
bench_start_testbed "$work" || exit 1
target=$base/hello

k6j_pid=
stop_k6j() { [[ -n $k6j_pid ]] && kill -9 "$k6j_pid" 2>/dev/null; }
trap 'stop_k6j; bench_cleanup' EXIT

say "k6j run -u $vus -d $duration benchmarks/scripts/soak.js against $target (load average $(cut -d' ' -f1-3 /proc/loadavg))"
summary=$work/summary.json
# ./k6j execs java: the process started here is the JVM.
K6J_SKIP_BUILD=1 ./k6j run -u "$vus" -d "$duration" -e "TARGET=$target" -e "THINK=$think" --address "" \
    --summary-export "$summary" benchmarks/scripts/soak.js >"$work/k6j.out" 2>"$work/k6j.err" </dev/null &
k6j_pid=$!
began=$(date +%s)

# sample: elapsed s, iterations done, RSS MiB, heap after GC MiB, CPU s (user+sys), threads
samples=$work/soak-samples.tsv
printf 'seconds\titerations\trss_mib\theap_after_gc_mib\tcpu_s\tthreads\tload1\n' >"$samples"
ticks=$(getconf CLK_TCK)
sample() {
    local now iterations rss heap cpu threads
    now=$(($(date +%s) - began))
    # the progress line on stderr: "running (01m00.0s), 200/200 VUs, 12345 complete and 0 interrupted iterations"
    iterations=$(grep -o '[0-9]* complete and' "$work/k6j.err" | tail -n1 | cut -d' ' -f1)
    rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$k6j_pid/status" 2>/dev/null)
    threads=$(awk '/^Threads/ { print $2 }' "/proc/$k6j_pid/status" 2>/dev/null)
    cpu=$(awk -v t="$ticks" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$k6j_pid/stat" 2>/dev/null)
    "$jcmd" "$k6j_pid" GC.run >/dev/null 2>&1
    heap=$("$jcmd" "$k6j_pid" GC.heap_info 2>/dev/null | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n1)
    [[ -n $heap ]] && heap=$((heap / 1024))
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$now" "${iterations:-0}" "${rss:-}" "${heap:-}" "${cpu:-}" \
        "${threads:-}" "$(cut -d' ' -f1 /proc/loadavg)" >>"$samples"
}
while kill -0 "$k6j_pid" 2>/dev/null; do
    sleep "$every" & wait $!
    kill -0 "$k6j_pid" 2>/dev/null && sample
done
wait "$k6j_pid"
rc=$?
k6j_pid=

say "k6j exited with $rc"
[[ -f $summary ]] || { tail -n 30 "$work/k6j.err" >&2; die "no summary"; }
cp "$samples" "$root/target/soak-samples.tsv" 2>/dev/null || { mkdir -p "$root/target" && cp "$samples" "$root/target/"; }

python3 - "$samples" "$summary" "$vus" "$duration" "$every" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
m = json.load(open(sys.argv[2]))["metrics"]
vus, duration, every = sys.argv[3], sys.argv[4], int(sys.argv[5])

def num(row, key):
    try:
        return float(row[key])
    except (KeyError, ValueError):
        return None

print(f"soak: {vus} VUs for {duration}, sampled every {every} s (a full GC before each heap reading)")
print(f"{'t (s)':>6} {'iterations':>11} {'iter/s':>8} {'RSS MiB':>8} {'heap after GC MiB':>18} {'CPU s':>7} {'threads':>8} {'load':>5}")
previous = None
for row in rows:
    rate = ""
    if previous is not None and num(row, "iterations") is not None:
        dt = num(row, "seconds") - num(previous, "seconds")
        if dt > 0:
            rate = f"{(num(row, 'iterations') - num(previous, 'iterations')) / dt:.0f}"
    print(f"{row['seconds']:>6} {row['iterations']:>11} {rate:>8} {row['rss_mib']:>8} {row['heap_after_gc_mib']:>18}"
          f" {row['cpu_s']:>7} {row['threads']:>8} {row['load1']:>5}")
    previous = row

reqs = m["http_reqs"]["count"]
failed = m.get("http_req_failed", {}).get("value", 0)
print(f"requests: {reqs:,.0f} ({m['http_reqs']['rate']:.0f}/s), failed: {failed * 100:.2f} %,"
      f" p95 {m['http_req_duration']['p(95)']:.2f} ms, iterations {m['iterations']['count']:,.0f}")

def window_rate(first, last):
    if first is None or last is None or num(last, "seconds") == num(first, "seconds"):
        return None
    return (num(last, "iterations") - num(first, "iterations")) / (num(last, "seconds") - num(first, "seconds"))

after_warmup = [r for r in rows if num(r, "seconds") >= 60 and num(r, "rss_mib") is not None]
if len(after_warmup) >= 2:
    per_minute = max(1, 60 // every)
    early = window_rate(after_warmup[0], after_warmup[min(per_minute, len(after_warmup) - 1)])
    late = window_rate(after_warmup[-1 - min(per_minute, len(after_warmup) - 1)], after_warmup[-1])
    rss = [num(r, "rss_mib") for r in after_warmup]
    heap = [num(r, "heap_after_gc_mib") for r in after_warmup if num(r, "heap_after_gc_mib") is not None]
    print(f"after the first minute: iterations/s {early:.0f} (minute 2) -> {late:.0f} (last minute);"
          f" RSS {rss[0]:.0f} -> {rss[-1]:.0f} MiB (min {min(rss):.0f}, max {max(rss):.0f});"
          + (f" heap after GC {heap[0]:.0f} -> {heap[-1]:.0f} MiB (min {min(heap):.0f}, max {max(heap):.0f})" if heap else ""))
PY
echo "samples: target/soak-samples.tsv"
