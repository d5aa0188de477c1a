#!/usr/bin/env bash
# k6j beside real k6 (and, with --gatling, Gatling) on the same independent target: nginx from Debian, one worker,
# on loopback. The same k6 scripts run unchanged in k6 and k6j, in interleaved rounds (who goes first rotates), and
# the table gives the medians of iterations/s, CPU per iteration (user + sys of the whole process, start-up
# included), p95 http_req_duration and peak RSS, with the ratios k6j/k6 and the issue's goals beside them. The
# footprint workloads add the CPU time of the whole run, when the last VU started its first iteration (counted from
# the tool's launch, by the script itself, the same way in both tools), the memory per VU ((peak RSS - peak RSS of
# a 1-VU run of the same script) / VUs) and the wall time; the start-up workload times whole short commands.
#
#   benchmarks/vs-k6.sh [--gatling] [--rounds N] [WORKLOAD...]
#
# Workloads (default: get api js):
#   get      50 VUs x 20 s, http.get('/hello') + one check, no think time
#   api      50 VUs x 20 s, GET a 1 KB JSON document, r.json(), JSON.stringify, three checks
#   js       1 VU x 100 iterations of JSON-heavy JavaScript (a 1,000-key object through JSON.stringify/parse 100
#            times, scripts/json-roundtrip.js): how much faster k6j's JavaScript is (no Gatling row)
#   https    like get, over TLS with HTTP/2 (nginx's `listen ... ssl http2`, a self-signed certificate made with
#            openssl at run time; the script sets insecureSkipTLSVerify and checks the protocol too)
#   https1   the same over TLS with HTTP/1.1 (a server without http2, so ALPN picks http/1.1)
#   vus1k    1,000 VUs x 20 s, http.get('/hello') + sleep(1)           (footprint: CPU, RSS, init time)
#   vus10k   10,000 VUs x 30 s, http.get('/hello') + sleep(1)          (footprint, and a 1-VU run for per-VU memory)
#   vus30k   30,000 VUs x 30 s, sleep(1) + a custom counter, no HTTP   (footprint, and a 1-VU run)
#   startup  `run -i 1` of an empty script, `version` and `inspect`: wall times, BENCH_STARTUP_RUNS (5) per round
# Knobs (environment): K6_BIN (a k6 binary; default ~/.cache/k6-baseline/k6, which
# ../shared/tools/build-k6.sh makes; with K6_GIT_DIR naming a fetched grafana/k6 git directory this script builds
# it), BENCH_ROUNDS (3), BENCH_VUS (50), BENCH_DURATION (20s), BENCH_ITERATIONS (a fixed number of iterations shared
# by the VUs instead of a duration, for comparing CPU per iteration on a busy machine; Gatling keeps the duration),
# K6J_JS_RUNTIME and K6J_JAVA_OPTS (passed to ./k6j), BENCH_TOOLS ("k6 k6j"; "k6j" alone to compare k6j
# configurations against an earlier k6 run), BENCH_STARTUP_RUNS (5). The footprint workloads need an open-file
# limit above 2 x 10,000 for vus10k (each tool and nginx hold a connection per VU). Raw runs go to
# benchmarks/results/vs-k6-<time>.tsv. It prints numbers and never fails on them.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh   # work, say, die; cleans up at exit

gatling=
rounds=${BENCH_ROUNDS:-3}
workloads=()
while (($#)); do
    case $1 in
        --gatling) gatling=yes ;;
        --rounds) rounds=${2:?--rounds needs a number}; shift ;;
        -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown flag $1 (see --help)" ;;
        *) workloads+=("$1") ;;
    esac
    shift
done
((${#workloads[@]})) || workloads=(get api js)
vus=${BENCH_VUS:-50}
duration=${BENCH_DURATION:-20s}
seconds=${duration%s}
[[ $seconds =~ ^[0-9]+$ ]] || die "BENCH_DURATION must be whole seconds, like 20s"

# --- the workloads: a k6 script, its run arguments, the Gatling simulation of the same work ---------------------
# workload NAME: sets wl_desc, wl_script, wl_args (k6 run flags), wl_gatling (a simulation class, or empty),
# wl_target (the base URL the script gets as TARGET), wl_env (more -e flags for the script), wl_vus (the VU count,
# for memory per VU) and wl_base_args (the flags of a 1-VU run of the same script, whose peak RSS is subtracted to
# get memory per VU; empty when not wanted). The startup workload sets wl_script only.
load_args=(-d "$duration")
[[ -n ${BENCH_ITERATIONS:-} ]] && load_args=(-i "$BENCH_ITERATIONS")
workload() {
    wl_target=${target:-}
    wl_env=()
    wl_vus=$vus wl_base_args=() wl_gatling=
    case $1 in
        get) wl_desc="http.get + check, $vus VUs, $duration"; wl_script=benchmarks/scripts/vs-k6/http-get.js
             wl_args=(-u "$vus" "${load_args[@]}"); wl_gatling=dev.k6j.bench.HelloSimulation ;;
        api) wl_desc="API-style: GET JSON, r.json(), JSON.stringify, 3 checks, $vus VUs, $duration"
             wl_script=benchmarks/scripts/vs-k6/http-api.js
             wl_args=(-u "$vus" "${load_args[@]}"); wl_gatling=dev.k6j.bench.ApiSimulation ;;
        https) wl_desc="https (TLS + HTTP/2) get + check, $vus VUs, ${BENCH_ITERATIONS:-$duration}"
             wl_script=benchmarks/scripts/vs-k6/https-get.js; wl_target=${https_target:-}
             wl_env=(-e PROTO=HTTP/2.0)
             wl_args=(-u "$vus" "${load_args[@]}"); wl_gatling=dev.k6j.bench.HttpsSimulation ;;
        https1) wl_desc="https (TLS + HTTP/1.1) get + check, $vus VUs, ${BENCH_ITERATIONS:-$duration}"
             wl_script=benchmarks/scripts/vs-k6/https-get.js; wl_target=${https1_target:-}
             wl_env=(-e PROTO=HTTP/1.1)
             wl_args=(-u "$vus" "${load_args[@]}"); wl_gatling=dev.k6j.bench.HelloSimulation ;;
        js)  wl_desc="JSON-heavy JavaScript, 1 VU x ${BENCH_JS_ITERATIONS:-100} iterations"
             wl_script=benchmarks/scripts/json-roundtrip.js
             wl_args=(-u 1 -i "${BENCH_JS_ITERATIONS:-100}") ;;
        vus1k) wl_desc="1,000 VUs x 20 s, http.get + sleep(1)"; wl_script=benchmarks/scripts/vs-k6/vus-http.js
             wl_vus=1000 wl_args=(-u 1000 -d 20s) ;;
        vus10k) wl_desc="10,000 VUs x 30 s, http.get + sleep(1)"; wl_script=benchmarks/scripts/vs-k6/vus-http.js
             wl_vus=10000 wl_args=(-u 10000 -d 30s) wl_base_args=(-u 1 -d 10s) ;;
        vus30k) wl_desc="30,000 VUs x 30 s, sleep(1) + a custom counter"
             wl_script=benchmarks/scripts/vs-k6/vus-counter.js
             wl_vus=30000 wl_args=(-u 30000 -d 30s) wl_base_args=(-u 1 -d 10s) ;;
        startup) wl_desc="start-up: run -i 1 of an empty script, version, inspect; medians of all runs"
             wl_script=benchmarks/scripts/vs-k6/empty.js wl_args=(-i 1) ;;
        *) return 1 ;;
    esac
}
# The issues' goals, as conditions on the medians' ratios (k6j/k6): it = iterations/s, cpu = CPU/iteration,
# cpus = CPU time of the whole run, rss = peak RSS, pervu = memory per VU; and on k6j's own medians: init = seconds
# from launch to the last VU's first iteration, wall/version/inspect = seconds of the start-up commands.
declare -A goal_text=([get]="CPU/it <= 0.8x k6 and it/s >= 1.2x k6" [api]="it/s >= 1.2x k6" [js]="it/s >= 3x k6"
    [https]="CPU/it <= 0.8x k6" [https1]="CPU/it <= 0.8x k6"
    [vus1k]="CPU <= 1.5x k6"
    [vus10k]="it/s >= 0.98x k6, peak RSS <= 1.0x k6 (stretch 0.7x), all VUs initialized within 5 s"
    [vus30k]="initialized within 15 s, it/s >= 0.98x k6, memory per VU <= 0.7x k6, CPU <= 1.5x k6"
    [startup]="run -i 1 <= 0.5 s wall, version and inspect as fast")
declare -A goal_test=([get]="cpu <= 0.8 && it >= 1.2" [api]="it >= 1.2" [js]="it >= 3" [https]="cpu <= 0.8"
    [https1]="cpu <= 0.8" [vus1k]="cpus <= 1.5"
    [vus10k]="it >= 0.98 && rss <= 1.0 && init <= 5" [vus30k]="init <= 15 && it >= 0.98 && pervu <= 0.7 && cpus <= 1.5"
    [startup]="wall <= 0.5 && version <= 0.5 && inspect <= 0.5")
for w in "${workloads[@]}"; do workload "$w" ||
    die "unknown workload '$w' (get, api, js, https, https1, vus1k, vus10k, vus30k, startup)"; done

# --- tools --------------------------------------------------------------------------------------------------------
apt_install() {
    [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1 || return 1
    say "installing $* (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1; }
}
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || apt_install nginx-light ||
    die "nginx is needed: apt-get install nginx-light"
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x /usr/bin/time ]] || apt_install time || die "GNU time is needed: apt-get install time"

k6=${K6_BIN:-$HOME/.cache/k6-baseline/k6}
if [[ ! -x $k6 && -n ${K6_GIT_DIR:-} ]]; then
    say "building k6 v1.3.0 from $K6_GIT_DIR (../shared/tools/build-k6.sh)"
    k6=$(bash "$root/../shared/tools/build-k6.sh" "$K6_GIT_DIR" | tail -n1) || die "building k6 failed"
fi
[[ -x $k6 ]] || die "no k6 binary: set K6_BIN, or K6_GIT_DIR to a grafana/k6 git directory to build one \
(../shared/tools/build-k6.sh), or build it into ~/.cache/k6-baseline"
k6_version=$("$k6" version 2>/dev/null | head -n1)

say "building k6j if needed"
./k6j version >"$work/version.txt" 2>&1 </dev/null || { cat "$work/version.txt" >&2; die "./k6j version failed"; }
js_runtime=$(grep -m1 'JS runtime:' "$work/version.txt" | sed 's/.*JS runtime: *//')

if [[ -n $gatling ]]; then
    say "compiling the Gatling simulations (benchmarks/gatling)"
    source bin/k6j-env.sh && k6j_require_jdk && k6j_maven_env
    mvn -B -q -f benchmarks/gatling/pom.xml compile dependency:build-classpath \
        -Dmdep.outputFile="$work/gatling.cp" >"$work/gatling-build.log" 2>&1 </dev/null ||
        { cat "$work/gatling-build.log" >&2; die "the Gatling simulations did not build"; }
    gatling_cp=benchmarks/gatling/target/classes:$(cat "$work/gatling.cp")
fi

# --- the target: nginx, one worker, on a free loopback port ------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
tls_port=$(free_port)
tls1_port=$(free_port)
mkdir -p "$work/nginx/www" && cp benchmarks/scripts/vs-k6/api.json "$work/nginx/www/api.json"
# The https workloads' certificate: self-signed, made now (the scripts skip verification, as k6 users do locally).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout "$work/nginx/key.pem" -out "$work/nginx/cert.pem" \
    >"$work/openssl.log" 2>&1 || { cat "$work/openssl.log" >&2; die "openssl could not make a certificate"; }
chmod a+r "$work/nginx/key.pem" "$work/nginx/cert.pem"
chmod a+rX "$work" "$work/nginx" "$work/nginx/www" "$work/nginx/www/api.json"   # nginx's worker runs as nobody
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
worker_rlimit_nofile 20000;
events { worker_connections 16384; multi_accept on; }
http {
    access_log off;
    keepalive_requests 10000000;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    ssl_certificate $work/nginx/cert.pem;
    ssl_certificate_key $work/nginx/key.pem;
    server {
        listen 127.0.0.1:$port backlog=4096;   # 10,000 VUs connect at once; the default 511 drops SYNs
        listen 127.0.0.1:$tls_port ssl http2;
        location = /hello { default_type text/plain; return 200 "hello\n"; }
        location = /api.json { root $work/nginx/www; default_type application/json; }
    }
    server {
        listen 127.0.0.1:$tls1_port ssl;
        location = /hello { default_type text/plain; return 200 "hello\n"; }
    }
}
EOF
"$nginx_bin" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" >"$work/nginx/out.log" 2>&1 &
nginx_pid=$!
trap '[[ -n ${nginx_pid:-} ]] && kill "$nginx_pid" 2>/dev/null; bench_cleanup' EXIT
target=http://127.0.0.1:$port
https_target=https://127.0.0.1:$tls_port
https1_target=https://127.0.0.1:$tls1_port
for _ in $(seq 1 100); do curl -sf "$target/hello" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf "$target/hello" >/dev/null || { cat "$work/nginx/"*.log >&2; die "nginx did not start"; }
curl -sfk "$https_target/hello" >/dev/null || { cat "$work/nginx/"*.log >&2; die "nginx's TLS server did not start"; }
say "target: nginx $("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///'), 1 worker, $target, $https_target (h2), $https1_target"

# --- one run ------------------------------------------------------------------------------------------------------
results=benchmarks/results/vs-k6-$(date -u +%Y%m%dT%H%M%SZ).tsv
mkdir -p benchmarks/results
printf 'workload\ttool\tround\titerations_per_s\tcpu_us_per_iteration\tp95_ms\tpeak_rss_mib\twall_s\tload1\tcpu_s' >"$results"
printf '\tinit_s\tbase_rss_mib\tversion_s\tinspect_s\n' >>"$results"

# timed TOOL TIMING LOG ARG...: runs k6 or k6j with ARGs under GNU time (user, system, wall, peak RSS into TIMING),
# output into LOG; returns the tool's exit code. k6j is run through ./k6j as users run it; K6J_SKIP_BUILD only spares
# the staleness check (the build happened before the first run), except for the start-up runs, which time it too.
timed() {
    local tool=$1 timing=$2 log=$3
    shift 3
    case $tool in
        k6)  /usr/bin/time -f '%U %S %e %M' -o "$timing" "$k6" "$@" >"$log" 2>&1 </dev/null ;;
        k6j) K6J_SKIP_BUILD=${skip_build-1} /usr/bin/time -f '%U %S %e %M' -o "$timing" ./k6j "$@" >"$log" 2>&1 </dev/null ;;
    esac
}

# now_ms: milliseconds since the epoch, the T0 the footprint scripts count the first iterations from.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# failed TOOL NAME ROUND RC TIMING LOG: true (and says why) when a run failed.
failed() {
    if [[ $4 != 0 && $4 != 99 ]] || [[ ! -s $5 ]]; then
        say "$1 $2 round $3 failed (exit $4); the end of its output:"; tail -n 15 "$6" | sed 's/^/    /' >&2
        return 0
    fi
    return 1
}

# run_startup TOOL ROUND: BENCH_STARTUP_RUNS times `run -i 1`, `version` and `inspect`; a line each.
run_startup() {
    local tool=$1 round=$2 timing=$work/time.txt log=$work/$1-startup-$2.log load i rc run version inspect
    local skip_build=0
    workload startup
    for ((i = 1; i <= ${BENCH_STARTUP_RUNS:-5}; i++)); do
        load=$(cut -d' ' -f1 /proc/loadavg)
        timed "$tool" "$timing" "$log" version; rc=$?
        failed "$tool" "startup (version)" "$round" $rc "$timing" "$log" && return
        version=$(awk 'END {print $3}' "$timing")
        timed "$tool" "$timing" "$log" inspect "$wl_script"; rc=$?
        failed "$tool" "startup (inspect)" "$round" $rc "$timing" "$log" && return
        inspect=$(awk 'END {print $3}' "$timing")
        timed "$tool" "$timing" "$log" run -q -i 1 "$wl_script"; rc=$?
        failed "$tool" startup "$round" $rc "$timing" "$log" && return
        read -r user system run rss_kb < <(tail -n1 "$timing")
        printf 'startup\t%s\t%s.%s\t\t\t\t%s\t%s\t%s\t%s\t\t\t%s\t%s\n' "$tool" "$round" "$i" $((rss_kb / 1024)) "$run" \
            "$load" "$(awk "BEGIN {printf \"%.2f\", $user + $system}")" "$version" "$inspect" >>"$results"
        say "$(tail -n1 "$results" | tr '\t' ' ')"
    done
}

# run_one TOOL WORKLOAD ROUND: one measured run (and for per-VU memory a 1-VU run); appends a line to the results.
run_one() {
    local tool=$1 name=$2 round=$3 summary=$work/summary.json timing=$work/time.txt log=$work/$1-$2-$3.log load
    local base_rss=''
    [[ $name == startup ]] && { [[ $tool != gatling ]] && run_startup "$tool" "$round"; return; }
    workload "$name"
    [[ $tool == gatling && -z $wl_gatling ]] && return
    load=$(cut -d' ' -f1 /proc/loadavg)
    rm -f "$summary" "$timing"
    case $tool in
        k6|k6j) timed "$tool" "$timing" "$log" run -q "${wl_args[@]}" "${wl_env[@]}" -e "TARGET=$wl_target" \
                    -e "T0=$(now_ms)" --summary-export "$summary" "$wl_script" ;;
        gatling)
             /usr/bin/time -f '%U %S %e %M' -o "$timing" "$K6J_JDK/bin/java" -server -Xmx1G -XX:MaxInlineLevel=20 \
                 -XX:MaxTrivialSize=12 --add-opens=java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
                 --sun-misc-unsafe-memory-access=allow -Dtarget="$wl_target" -Dusers="$vus" -Dseconds="$seconds" \
                 -cp "$gatling_cp" io.gatling.app.Gatling -s "$wl_gatling" -rf "$work/gatling-results" -nr \
                 >"$log" 2>&1 </dev/null ;;
    esac
    local rc=$?
    failed "$tool" "$name" "$round" $rc "$timing" "$log" && return
    cp "$timing" "$work/main-time.txt"
    if ((${#wl_base_args[@]})) && [[ $tool != gatling ]]; then
        timed "$tool" "$work/base-time.txt" "$work/base.log" run -q "${wl_base_args[@]}" -e "TARGET=$target" \
            -e "T0=$(now_ms)" "$wl_script"
        rc=$?
        failed "$tool" "$name (1 VU)" "$round" $rc "$work/base-time.txt" "$work/base.log" ||
            base_rss=$(($(awk 'END {print $4}' "$work/base-time.txt") / 1024))
    fi
    python3 - "$tool" "$name" "$round" "$summary" "$work/main-time.txt" "$log" "$seconds" "$load" "$base_rss" \
        >>"$results" <<'PY'
import json, re, sys
tool, name, rnd, summary, timing, log, seconds, load, base_rss = sys.argv[1:]
user, system, wall, rss_kb = open(timing).read().split()[-4:]
init = ""
if tool == "gatling":
    totals = re.findall(r"^> Global\s*\|\s*([\d,]+)\s*\|\s*([\d,]+)\s*\|\s*([\d,]+)", open(log).read(), re.M)
    count = int(totals[-1][1].replace(",", "")) if totals else 0
    if not totals or totals[-1][2] != "0":
        print(f"bench: gatling {name}: failed requests: {totals[-1] if totals else 'no statistics'}", file=sys.stderr)
    rate, p95 = count / float(seconds), ""
else:
    metrics = json.load(open(summary))["metrics"]
    count, rate = metrics["iterations"]["count"], metrics["iterations"]["rate"]
    p95 = "%.3f" % metrics["http_req_duration"]["p(95)"] if "http_req_duration" in metrics else ""
    checks = metrics.get("checks", {})
    if checks.get("fails", 0):
        print(f"bench: {tool} {name}: {checks['fails']} checks failed: the numbers are not comparable", file=sys.stderr)
    failed = metrics.get("http_req_failed", {})
    if failed.get("passes", 0):
        print(f"bench: {tool} {name}: {failed['passes']} requests failed: the numbers are not comparable", file=sys.stderr)
    if "vu_first_iteration_ms" in metrics:
        init = "%.2f" % (metrics["vu_first_iteration_ms"]["max"] / 1000)
cpu = float(user) + float(system)
cpu_us = cpu / count * 1e6 if count else 0
print(f"{name}\t{tool}\t{rnd}\t{rate:.1f}\t{cpu_us:.1f}\t{p95}\t{int(rss_kb) // 1024}\t{wall}\t{load}\t{cpu:.2f}"
      f"\t{init}\t{base_rss}\t\t")
PY
    say "$(tail -n1 "$results" | tr '\t' ' ')"
}

read -r -a tools <<<"${BENCH_TOOLS:-k6 k6j}"
[[ -n $gatling ]] && tools+=(gatling)
for ((r = 1; r <= rounds; r++)); do
    for name in "${workloads[@]}"; do
        n=${#tools[@]}
        for ((i = 0; i < n; i++)); do
            run_one "${tools[$(((i + r - 1) % n))]}" "$name" "$r"
        done
    done
done

# --- the table ----------------------------------------------------------------------------------------------------
echo
echo "k6j vs k6 $(date -u +%Y-%m-%dT%H:%MZ), k6j $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $k6_version"
echo "machine: $(nproc) cores; k6j JS runtime: ${js_runtime:-unknown}; target nginx 1 worker on loopback; medians of $rounds rounds"
for name in "${workloads[@]}"; do
    workload "$name"
    python3 - "$results" "$name" "$wl_desc" "${goal_text[$name]:-}" "${goal_test[$name]:-}" "$wl_vus" <<'PY'
import csv, statistics, sys
path, name, desc, goal_text, goal_test, vus = sys.argv[1:]
rows = [r for r in csv.DictReader(open(path), delimiter="\t") if r["workload"] == name]
for r in rows:   # memory per VU, KiB: what the VUs add over a 1-VU run of the same script
    if r.get("base_rss_mib"):
        r["kib_per_vu"] = str((float(r["peak_rss_mib"]) - float(r["base_rss_mib"])) * 1024 / int(vus))
def med(tool, key):
    values = [float(r[key]) for r in rows if r["tool"] == tool and r.get(key, "") != ""]
    return statistics.median(values) if values else None
# (key in the TSV, column title, format, name in the goal's condition)
if name == "startup":
    columns = [("wall_s", "run -i 1 s", "%.2f", "wall"), ("version_s", "version s", "%.2f", "version"),
               ("inspect_s", "inspect s", "%.2f", "inspect"), ("cpu_s", "run CPU s", "%.2f", "cpus"),
               ("peak_rss_mib", "RSS MiB", "%.0f", "rss")]
elif name.startswith("vus"):
    columns = [("iterations_per_s", "it/s", "%.0f", "it"), ("cpu_s", "CPU s", "%.1f", "cpus"),
               ("cpu_us_per_iteration", "CPU µs/it", "%.0f", "cpu"), ("peak_rss_mib", "RSS MiB", "%.0f", "rss"),
               ("init_s", "init s", "%.1f", "init"), ("kib_per_vu", "KiB/VU", "%.0f", "pervu"),
               ("wall_s", "wall s", "%.1f", "wall")]
else:
    columns = [("iterations_per_s", "it/s", "%.0f", "it"), ("cpu_us_per_iteration", "CPU µs/it", "%.1f", "cpu"),
               ("p95_ms", "p95 ms", "%.2f", "p95"), ("peak_rss_mib", "RSS MiB", "%.0f", "rss")]
loads = [float(r["load1"]) for r in rows if r.get("load1")]
print(f"\n{name}: {desc}" + (f" (load average at the starts: median {statistics.median(loads):.1f}, "
                             f"{min(loads):.1f}-{max(loads):.1f})" if loads else ""))
print(f"  {'':10}" + "".join(f" {title:>10}" for _, title, _, _ in columns) + "   runs")
stats = {}
for tool in ("k6", "k6j", "gatling"):
    n = sum(1 for r in rows if r["tool"] == tool)
    if not n:
        continue
    s = stats[tool] = {key: med(tool, key) for key, _, _, _ in columns}
    print(f"  {tool:10}" + "".join(f" {(fmt % s[key]) if s[key] is not None else '-':>10}"
                                   for key, _, fmt, _ in columns) + f"   {n}")
def ratio(tool, key):
    a, b = stats.get(tool, {}).get(key), stats.get("k6", {}).get(key)
    return a / b if a is not None and b else None
for tool in ("k6j", "gatling"):
    if tool in stats and "k6" in stats:
        parts = [(title, ratio(tool, key)) for key, title, _, _ in columns]
        print(f"  {tool}/k6:  " + "  ".join(f"{t} {v:.2f}x" for t, v in parts if v is not None))
if goal_test and "k6j" in stats and "k6" in stats:
    # Ratios to k6, except the absolute times: init (s from launch) and the start-up commands (s).
    absolute = {"init", "wall", "version", "inspect"} if name == "startup" else {"init"}
    values = {var: (stats["k6j"][key] if var in absolute else ratio("k6j", key)) for key, _, _, var in columns}
    try:
        met = eval(goal_test.replace("&&", "and"), {}, values)
        print(f"  goal ({goal_text}): {'met' if met else 'NOT met'}")
    except TypeError:
        print(f"  goal ({goal_text}): not measured")
PY
done
echo
echo "raw runs: $results"
