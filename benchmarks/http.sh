#!/usr/bin/env bash
# k6j against wrk, the same testbed endpoint, the same load: requests/s of each, the ratio k6j/wrk,
# k6j's CPU time and peak RSS, and p95 latency of each. k6j runs twice: with the optimizing JavaScript
# runtime (K6J_JS_RUNTIME=optimizing) and with the interpreter, because on a small machine a short run
# can end before the optimizing runtime has warmed up (docs/http.md); the default depends on the
# number of CPUs (docs/runtime.md).
#
#   benchmarks/http.sh
#
# It prints numbers and never judges them. Knobs (environment): BENCH_VUS (50 VUs = 50 wrk
# connections), BENCH_DURATION (20s), BENCH_PATH (/hello), BENCH_WRK_THREADS (the number of cores).
# Installs wrk (Debian package) when it is missing and we are root. Everything runs on 127.0.0.1.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
vus=${BENCH_VUS:-50}
duration=${BENCH_DURATION:-20s}
path=${BENCH_PATH:-/hello}
wrk_threads=${BENCH_WRK_THREADS:-$(nproc)}
((wrk_threads > vus)) && wrk_threads=$vus

# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh   # work, say, die, bench_start_testbed; cleans up at exit

# --- tools --------------------------------------------------------------------------------------
apt_install() {
    [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1 || return 1
    say "installing $* (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1; }
}
command -v wrk >/dev/null 2>&1 || apt_install wrk || die "wrk is needed: apt-get install wrk"
[[ -x /usr/bin/time ]] || apt_install time || die "GNU time is needed: apt-get install time"

# --- the engine and the testbed, built before anything is measured --------------------------------
say "building the engine if needed"
./k6j version >"$work/version.txt" 2>&1 </dev/null || { cat "$work/version.txt" >&2; die "./k6j version failed"; }
js_runtime=$(grep -m1 'JS runtime:' "$work/version.txt" | sed 's/.*JS runtime: *//')

say "starting the testbed (HTTP/1.1 on a free port)"
bench_start_testbed "$work" || exit 1
target=$base$path
say "target: $target"

# --- wrk --------------------------------------------------------------------------------------------
load_wrk=$(cut -d' ' -f1-3 /proc/loadavg)
say "wrk -t$wrk_threads -c$vus -d$duration $target"
wrk -t"$wrk_threads" -c"$vus" -d"$duration" -s benchmarks/scripts/wrk-p95.lua "$target" >"$work/wrk.txt" 2>&1 </dev/null ||
    { cat "$work/wrk.txt" >&2; die "wrk failed"; }
wrk_rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/wrk.txt")
wrk_p95_us=$(sed -n 's/^k6j-bench p95_us \([0-9]*\).*/\1/p' "$work/wrk.txt")
wrk_errors=$(sed -n 's/^k6j-bench requests [0-9]* errors \([0-9]*\).*/\1/p' "$work/wrk.txt")

# --- k6j, in both JavaScript runtimes ------------------------------------------------------------
# run_k6j NAME [ENV...]: one k6j run; sets rps_NAME, p95_NAME, failed_NAME, cpu_NAME, rss_NAME, load_NAME.
run_k6j() {
    local name=$1 summary=$work/summary-$1.json out
    shift
    printf -v "load_$name" '%s' "$(cut -d' ' -f1-3 /proc/loadavg)"
    say "k6j ($name JS runtime) run -u $vus -d $duration benchmarks/scripts/http-get.js"
    env K6J_SKIP_BUILD=1 "$@" /usr/bin/time -v -o "$work/time-$name.txt" ./k6j run -q -u "$vus" -d "$duration" -e "TARGET=$target" \
        --summary-export "$summary" benchmarks/scripts/http-get.js >"$work/k6j-$name.txt" 2>&1 </dev/null ||
        { tail -n 20 "$work/k6j-$name.txt" >&2; die "the k6j run ($name) failed"; }
    out=$(python3 - "$summary" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
print(m["http_reqs"]["rate"], m["http_req_duration"]["p(95)"], m.get("http_req_failed", {}).get("value", 0))
PY
)
    read -r "rps_$name" "p95_$name" "failed_$name" <<<"$out"
    local t=$work/time-$name.txt
    printf -v "cpu_$name" '%ss user + %ss sys in %s wall' "$(sed -n 's/.*User time (seconds): *//p' "$t")" \
        "$(sed -n 's/.*System time (seconds): *//p' "$t")" \
        "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): *//p' "$t")"
    printf -v "rss_$name" '%s MiB' "$(($(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$t") / 1024))"
}
run_k6j optimizing K6J_JS_RUNTIME=optimizing
run_k6j interpreter K6J_JS_RUNTIME=interpreter

# --- the table ----------------------------------------------------------------------------------------
row() { printf '%-32s %s\n' "$1" "$2"; }
ratio() { awk -v a="$1" -v b="$wrk_rps" 'BEGIN {printf "%.3f", a/b}'; }
echo
echo "k6j vs wrk, GET $path  ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
row "machine" "$(nproc) cores; load average when wrk started: $load_wrk"
row "load" "$vus VUs / connections for $duration, testbed on the same machine"
row "k6j default JS runtime" "${js_runtime:-unknown}"
row "wrk requests/s" "$(printf '%.0f' "$wrk_rps")   (p95 $(awk -v u="$wrk_p95_us" 'BEGIN {printf "%.2f ms", u/1000}'), errors ${wrk_errors:-?})"
for name in optimizing interpreter; do
    rps_var=rps_$name p95_var=p95_$name failed_var=failed_$name cpu_var=cpu_$name rss_var=rss_$name load_var=load_$name
    echo
    row "k6j ($name JS runtime)" "load average at its start: ${!load_var}"
    row "  requests/s" "$(printf '%.0f' "${!rps_var}")   (p95 $(printf '%.2f' "${!p95_var}") ms, http_req_failed $(printf '%.2f' "${!failed_var}"))"
    row "  ratio k6j/wrk" "$(ratio "${!rps_var}")"
    row "  CPU" "${!cpu_var} (start-up and JIT warm-up included)"
    row "  peak RSS" "${!rss_var}"
done
