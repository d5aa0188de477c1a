#!/usr/bin/env bash
# How precisely the arrival-rate executors keep their schedule: the achieved iteration rate over the run and per
# second, and how late each iteration starts compared with when it was due. Two runs, so the second shows a warm
# machine's numbers.
#
#   benchmarks/arrival-rate-precision.sh
#
# It prints numbers and never judges them. Knobs (environment): BENCH_RATE (iterations/s, 200), BENCH_SECONDS (10),
# BENCH_SLEEP (the longest random iteration time in seconds, 0.05). JVM options go through K6J_JAVA_OPTS.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

echo "bench: building the engine if needed" >&2
./k6j version >/dev/null </dev/null || exit 1
./k6j version </dev/null | grep -m1 'JS runtime' >&2
for pass in 1 2; do
    echo "--- run $pass"
    ./k6j run -q --address "" -e RATE="${BENCH_RATE:-200}" -e SECONDS="${BENCH_SECONDS:-10}" \
        -e RANDOM_SLEEP="${BENCH_SLEEP:-0.05}" benchmarks/scripts/arrival-rate.js </dev/null
done
