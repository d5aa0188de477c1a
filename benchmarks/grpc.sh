#!/usr/bin/env bash
# k6j's gRPC module under load: BENCH_VUS VUs (50) for BENCH_DURATION (15s) of unary calls to the testbed's
# k6j.testbed.Echo/Unary (plain text, 127.0.0.1), each VU on its own connection. Prints requests/s, the
# grpc_req_duration summary, and whether every call returned OK. It prints numbers and never judges them.
#
#   benchmarks/grpc.sh
#
# It runs ./k6j, whose default distribution has the module, with the default JavaScript runtime for this machine
# (docs/runtime.md; set K6J_JS_RUNTIME=optimizing or interpreter to compare).
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
vus=${BENCH_VUS:-50}
duration=${BENCH_DURATION:-15s}

source benchmarks/lib.sh   # work, say, die, bench_start_testbed; cleans up at exit

say "building k6j if needed (the default distribution has the gRPC module)"
./k6j version >"$work/version.txt" 2>&1 </dev/null || { cat "$work/version.txt" >&2; die "./k6j version failed"; }

say "starting the testbed (gRPC on a free port)"
bench_start_testbed "$work" grpc || exit 1
addr=${testbed_url#grpc://}

say "running $vus VUs for $duration against $addr ($(grep -m1 'JS runtime:' "$work/version.txt"))"
K6J_SKIP_BUILD=1 ./k6j run -q -e "GRPC_ADDR=$addr" -e "PROTOS=$root/testbed/src/main/proto" \
    -e "VUS=$vus" -e "DURATION=$duration" modules/grpc/src/test/resources/scripts/load.js \
    >"$work/run.txt" 2>&1 </dev/null
status=$?

calls=$(sed -n 's/^ *iterations\.*: *\([0-9]*\) *\([0-9.]*\)\/s.*/\1 \2/p' "$work/run.txt")
echo "grpc unary, $vus VUs, $duration, $(grep -m1 'JS runtime:' "$work/version.txt" | sed 's/.*JS runtime: *//')"
echo "  calls:      ${calls% *}"
echo "  requests/s: ${calls#* }"
echo "  latency:    $(sed -n 's/^ *grpc_req_duration\.*: *//p' "$work/run.txt")"
echo "  checks:     $(sed -n 's/^ *✓ checks\.*: *//p' "$work/run.txt")"
echo "  exit code:  $status"
[[ $status == 0 ]] || cat "$work/run.txt" >&2
