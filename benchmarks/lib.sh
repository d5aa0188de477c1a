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

# bench_start_testbed WORK_DIR [SERVER]: build the testbed if needed, run a copy of its jar from WORK_DIR
# (so a rebuild during the benchmark cannot pull classes from under the server) with only SERVER on a free
# port: http (the default), ws, grpc or tcp (the echo server); the others would take their fixed ports for
# nothing. Sets testbed_pid, testbed_url (scheme://127.0.0.1:PORT from the testbed's banner) and base (the
# same). On failure: what it printed, on stderr, and 1.
bench_start_testbed() {
    local work=$1 server=${2:-http}
    local -A port_flag=([http]=--port [ws]=--ws-port [grpc]=--grpc-port [tcp]=--tcp-port)
    local -A banner=([http]=http [ws]=ws [grpc]=grpc [tcp]='tcp echo')
    [[ -n ${port_flag[$server]:-} ]] || { echo "bench: no testbed server '$server'" >&2; return 1; }
    testbed/run --help >/dev/null 2>&1 </dev/null ||
        { echo "bench: the testbed does not build: try testbed/run" >&2; return 1; }
    mkdir -p "$work/testbed" && cp -r testbed/target/k6j-testbed.jar testbed/target/lib "$work/testbed/"
    # shellcheck source=bin/k6j-env.sh
    source bin/k6j-env.sh && k6j_require_jdk
    # Every server off, then the one wanted on port 0: the testbed takes the last value of a flag.
    "$K6J_JDK/bin/java" --enable-native-access=ALL-UNNAMED -jar "$work/testbed/k6j-testbed.jar" \
        --port -1 --https-port -1 --mtls-port -1 --ws-port -1 --wss-port -1 --grpc-port -1 --grpc-tls-port -1 \
        --tcp-port -1 --tcp-tls-port -1 --tcp-chaos-port -1 "${port_flag[$server]}" 0 \
        >"$work/testbed.log" 2>&1 </dev/null &
    testbed_pid=$!
    testbed_url=
    for _ in $(seq 1 600); do   # up to a minute: builds beside us can slow a JVM's start a lot
        # not there yet at first
        testbed_url=$(sed -n "s|^ *${banner[$server]}  *\([a-z]*://[^/ ,]*\).*|\1|p" "$work/testbed.log" 2>/dev/null)
        base=$testbed_url
        [[ -n $testbed_url ]] && return 0
        sleep 0.1
    done
    cat "$work/testbed.log" >&2
    echo "bench: the testbed did not start" >&2
    return 1
}
