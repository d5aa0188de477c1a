#!/usr/bin/env bash
# k6j's gRPC module under load: BENCH_VUS VUs (50) for BENCH_DURATION (15s) of unary calls to the testbed's
# k6j.testbed.Echo/Unary (plain text, 127.0.0.1), each VU on its own connection. Prints requests/s, the
# grpc_req_duration summary, and whether every call returned OK. It prints numbers and never judges them.
#
#   benchmarks/grpc.sh
#
# The engine runs with the module on its class path (docs/grpc.md), with the optimizing JavaScript runtime when
# the Graal compiler matches the JDK (set K6J_JS_RUNTIME=interpreter to compare).
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
vus=${BENCH_VUS:-50}
duration=${BENCH_DURATION:-15s}

work=$(mktemp -d)
testbed_pid=
cleanup() {
    [[ -n $testbed_pid ]] && kill "$testbed_pid" 2>/dev/null && wait "$testbed_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
say() { echo "bench: $*" >&2; }
die() { say "$*"; exit 1; }

source bin/k6j-env.sh && k6j_require_jdk && k6j_require_maven && k6j_maven_env
say "building k6j (the default distribution has the gRPC module) and the testbed"
./k6j version >"$work/version.txt" 2>&1 </dev/null || { cat "$work/version.txt" >&2; die "./k6j version failed"; }
mvn -q -B -o -Dmaven.test.skip=true package -pl testbed </dev/null >"$work/build.log" 2>&1 ||
    mvn -q -B -Dmaven.test.skip=true package -pl testbed </dev/null >"$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; die "the build failed"; }

say "starting the testbed (gRPC on a free port)"
mkdir -p "$work/testbed" && cp -r testbed/target/k6j-testbed.jar testbed/target/lib "$work/testbed/"
"$K6J_JDK/bin/java" --enable-native-access=ALL-UNNAMED -jar "$work/testbed/k6j-testbed.jar" --port -1 --https-port -1 --mtls-port -1 \
    --ws-port -1 --wss-port -1 --tcp-port -1 --tcp-tls-port -1 --tcp-chaos-port -1 \
    --grpc-port 0 --grpc-tls-port -1 >"$work/testbed.log" 2>&1 </dev/null &
testbed_pid=$!
for _ in $(seq 1 100); do
    addr=$(sed -n 's/^ *grpc  *grpc:\/\/\([^ ]*\).*/\1/p' "$work/testbed.log")
    [[ -n $addr ]] && break
    sleep 0.1
done
[[ -n ${addr:-} ]] || { cat "$work/testbed.log" >&2; die "the testbed did not start"; }

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
