#!/usr/bin/env bash
# Profiles a k6j run with async-profiler (CPU, Java and native frames, one stack per sample) and writes a flame
# graph and collapsed stacks, then prints where the CPU went by thread and by k6j class. async-profiler comes from
# Maven Central (tools.profiler:async-profiler, whose jar holds the native agent), so nothing else is installed.
#
#   benchmarks/profile.sh [k6j run flags...] SCRIPT
#   benchmarks/profile.sh -u 50 -i 300000 -e TARGET=http://127.0.0.1:8080 benchmarks/scripts/vs-k6/http-get.js
#
# Writes benchmarks/results/profile-<time>.html (open it in a browser) and .collapsed. A fixed number of
# iterations (-i) makes runs comparable; the profile includes start-up and warm-up, which the thread table shows
# apart (main, k6j-vu-init, the JIT compiler threads). JFR (in the JDK) is the other tool: K6J_JAVA_OPTS=
# "-XX:StartFlightRecording=filename=run.jfr,settings=profile" then `jfr view hot-methods run.jfr`; its
# jdk.Compilation events show what the JIT compiles and for how long.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
(($#)) || { sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 1; }
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh
# shellcheck source=bin/k6j-env.sh
source bin/k6j-env.sh && k6j_require_jdk && k6j_maven_env

version=4.2
agent=${ASYNC_PROFILER_LIB:-$HOME/.cache/k6j/async-profiler-$version/linux-x64/libasyncProfiler.so}
if [[ ! -f $agent ]]; then
    say "fetching async-profiler $version from Maven Central"
    mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:$version -DoutputDirectory="$work" \
        >"$work/mvn.log" 2>&1 </dev/null || { cat "$work/mvn.log" >&2; die "could not fetch async-profiler"; }
    mkdir -p "$(dirname "$(dirname "$agent")")"
    (cd "$(dirname "$(dirname "$agent")")" && unzip -q -o "$work/async-profiler-$version.jar" 'linux-x64/*') ||
        die "could not unpack async-profiler"
fi

mkdir -p benchmarks/results
out=benchmarks/results/profile-$(date -u +%Y%m%dT%H%M%SZ)
say "profiling: ./k6j run -q $*"
./k6j version >/dev/null 2>&1 </dev/null || die "./k6j does not build"
K6J_SKIP_BUILD=1 K6J_JAVA_OPTS="${K6J_JAVA_OPTS:-} -agentpath:$agent=start,event=cpu,interval=1ms,threads,file=$out.collapsed,collapsed" \
    ./k6j run -q "$@" >"$work/run.log" 2>&1 </dev/null
rc=$?
[[ $rc == 0 || $rc == 99 ]] || { tail -n 20 "$work/run.log" >&2; die "the run failed (exit $rc)"; }
K6J_SKIP_BUILD=1 K6J_JAVA_OPTS="-agentpath:$agent=start,event=cpu,interval=1ms,file=$out.html" \
    ./k6j run -q "$@" >/dev/null 2>&1 </dev/null

python3 - "$out.collapsed" <<'PY'
import collections, re, sys
threads, ours, total = collections.Counter(), collections.Counter(), 0
for line in open(sys.argv[1]):
    stack, n = line.rsplit(' ', 1)
    n = int(n); total += n
    frames = stack.split(';')
    threads[re.sub(r' ?tid=\d+|-\d+', '', frames[0]).strip('[] ')] += n
    k6j = [f for f in frames if f.startswith('dev/k6j/')]
    ours[k6j[-1].split('/')[-1] if k6j else '(outside k6j: ' + frames[-1][:50] + ')'] += n
print(f"\n{total} samples (1 ms of CPU each)\n\nby thread (ForkJoinPool-worker = the VUs' virtual threads):")
for name, n in threads.most_common(10):
    print(f"  {100 * n / total:5.1f}%  {name}")
print("\nby the innermost k6j frame (what our code is responsible for, callees included):")
for name, n in ours.most_common(25):
    print(f"  {100 * n / total:5.1f}%  {name}")
PY
echo
echo "flame graph: $out.html   collapsed stacks: $out.collapsed"
