#!/usr/bin/env bash
# k6/websockets under load: SOCKETS_PER_VU x VUS sockets on the testbed's broadcast feed (one message every
# INTERVAL_MS to every subscriber, with the server's timestamp), each pinging once a second, for SESSION_SECONDS.
# Prints the message latency percentiles (server timestamp to client receipt, the custom Trend of the WebSocket
# load-testing guide), messages/s received, ws_connecting and ws_ping, k6j's CPU time and peak RSS.
#
#   benchmarks/websockets.sh
#
# It prints numbers and never judges them. Knobs (environment): BENCH_VUS (50), BENCH_SOCKETS_PER_VU (10),
# BENCH_SECONDS (15), BENCH_INTERVAL_MS (100). ./k6j has the module (the default distribution). Everything
# runs on 127.0.0.1.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
vus=${BENCH_VUS:-50}
sockets=${BENCH_SOCKETS_PER_VU:-10}
seconds=${BENCH_SECONDS:-15}
interval=${BENCH_INTERVAL_MS:-100}

source benchmarks/lib.sh   # work, say, die, bench_start_testbed; cleans up at exit
[[ -x /usr/bin/time ]] || die "GNU time is needed: apt-get install time"

say "building k6j and the testbed if needed"
./k6j version >/dev/null 2>&1 </dev/null || die "./k6j version failed"

say "starting the testbed (WebSocket on a free port)"
bench_start_testbed "$work" ws || exit 1

load=$(cut -d' ' -f1-3 /proc/loadavg)
say "k6j run: $vus VUs x $sockets sockets for ${seconds}s, a message every ${interval} ms, against $base/broadcast"
summary=$work/summary.json
K6J_SKIP_BUILD=1 /usr/bin/time -v -o "$work/time.txt" ./k6j run -q \
    -e "WS_URL=$base" -e "VUS=$vus" -e "SOCKETS_PER_VU=$sockets" -e "SESSION_SECONDS=$seconds" \
    -e "INTERVAL_MS=$interval" --summary-trend-stats 'avg,min,med,p(90),p(95),p(99),max' \
    --summary-export "$summary" modules/websockets/src/test/resources/scripts/broadcast.js >"$work/k6j.txt" 2>&1 </dev/null ||
    { tail -n 20 "$work/k6j.txt" >&2; die "the k6j run failed"; }

echo
echo "k6j k6/websockets broadcast feed  ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
printf '%-28s %s\n' "machine" "$(nproc) cores; load average at the start: $load"
printf '%-28s %s\n' "load" "$((vus * sockets)) sockets ($vus VUs x $sockets) for ${seconds}s, one message per ${interval} ms each"
python3 - "$summary" "$work/time.txt" <<'PY'
import json, re, sys
m = json.load(open(sys.argv[1]))["metrics"]
t = open(sys.argv[2]).read()
def trend(name):
    v = m.get(name, {})
    return "  ".join(f"{k}={v[k]:.2f}ms" for k in ("avg", "med", "p(90)", "p(95)", "p(99)", "max") if k in v)
rows = [
    ("message latency", trend("broadcast_latency")),
    ("messages received", f'{m["ws_msgs_received"]["count"]:.0f} ({m["ws_msgs_received"]["rate"]:.0f}/s over the whole run)'),
    ("ws_sessions", f'{m["ws_sessions"]["count"]:.0f}'),
    ("ws_connecting", trend("ws_connecting")),
    ("ws_ping", trend("ws_ping")),
    ("CPU", re.search(r"User time \(seconds\): (\S+)", t).group(1) + "s user + "
        + re.search(r"System time \(seconds\): (\S+)", t).group(1) + "s sys in "
        + re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1) + " wall"),
    ("peak RSS", str(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) // 1024) + " MiB"),
]
for name, value in rows:
    print(f"{name:<28} {value}")
PY
