# shellcheck shell=bash
# Shared by the benchmarks: a work folder removed at exit, messages, and the testbed on a free
# loopback port. Source it from the repository's root; it sets `work` (a fresh temporary folder),
# defines say and die, and stops the testbed and removes `work` when the benchmark exits.

work=$(mktemp -d)
testbed_pid=
bench_cleanup() {
    [[ -n $testbed_pid ]] && kill "$testbed_pid" 2>/dev/null && wait "$testbed_pid" 2>/dev/null
    rm -rf "$work"
}
trap bench_cleanup EXIT
say() { echo "bench: $*" >&2; }
die() { say "$*"; exit 1; }

# bench_start_testbed WORK_DIR: build the testbed if needed, run a copy of its jar from WORK_DIR
# (so a rebuild during the benchmark cannot pull classes from under the server), and set
# testbed_pid and base (http://127.0.0.1:PORT). On failure: what it printed, on stderr, and 1.
bench_start_testbed() {
    local work=$1
    testbed/run --help >/dev/null 2>&1 </dev/null ||
        { echo "bench: the testbed does not build: try testbed/run" >&2; return 1; }
    mkdir -p "$work/testbed" && cp -r testbed/target/k6j-testbed.jar testbed/target/lib "$work/testbed/"
    # shellcheck source=bin/k6j-env.sh
    source bin/k6j-env.sh && k6j_require_jdk
    # Only the HTTP server: the others would take their fixed ports (8081, 9000-9091) for nothing.
    "$K6J_JDK/bin/java" -jar "$work/testbed/k6j-testbed.jar" --port 0 --https-port -1 --mtls-port -1 \
        --ws-port -1 --wss-port -1 --grpc-port -1 --grpc-tls-port -1 --tcp-port -1 --tcp-tls-port -1 --tcp-chaos-port -1 \
        >"$work/testbed.log" 2>&1 </dev/null &
    testbed_pid=$!
    base=
    for _ in $(seq 1 600); do   # up to a minute: builds beside us can slow a JVM's start a lot
        base=$(sed -n 's/^ *http  *\(http:[^ ]*\).*/\1/p' "$work/testbed.log" 2>/dev/null)   # not there yet at first
        [[ -n $base ]] && return 0
        sleep 0.1
    done
    cat "$work/testbed.log" >&2
    echo "bench: the testbed did not start" >&2
    return 1
}
