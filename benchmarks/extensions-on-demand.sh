#!/usr/bin/env bash
# What extensions on demand and one-file bundles cost at start, in CPU time (user+sys) and wall time.
#
#   benchmarks/extensions-on-demand.sh     # BENCH_RUNS runs of each (default 3)
#
# With a bare bundle (bundler build, no extensions) and the extension template installed in a private
# local repository, it times `run` of a one-iteration script that imports k6/x/greeting:
#   plugin     the template's jar in the bundle's plugins folder (no resolution: the baseline)
#   first      on demand, empty k6j cache and empty local repository (Maven resolves from a file
#              repository holding the template, as from a company's repository)
#   cached     on demand again: k6j's resolution cache answers, Maven is not started
# and `version` of the bundle: the first run after a build (it unpacks ~86 MB into k6j's cache) and
# later runs. Everything lives in BENCH_DIR (default ${TMPDIR:-/tmp}/k6j-ondemand-bench). It prints
# numbers and never judges them; on a busy machine compare CPU time, not wall time.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
# shellcheck source=bin/k6j-env.sh
source bin/k6j-env.sh
k6j_require_jdk
k6j_require_maven
k6j_maven_env

runs=${BENCH_RUNS:-3}
dir=${BENCH_DIR:-${TMPDIR:-/tmp}/k6j-ondemand-bench}
repo=$dir/published   # the "remote" repository (a folder), holding the template
mkdir -p "$dir"
say() { echo "bench: $*" >&2; }
fail() { say "$1; the end of $2:"; tail -n 30 "$2" >&2; exit 1; }

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n1)
local_m2=${MAVEN_OPTS:-}
local_m2=$(sed -n 's/.*-Dmaven\.repo\.local=\([^ ]*\).*/\1/p' <<<"$local_m2")
local_m2=${local_m2:-$HOME/.m2/repository}

say "building the bundler and a bare bundle"
bin/bundler --version >/dev/null || exit 1
K6J_SKIP_BUILD=1 bin/bundler build -q --local-repo "$local_m2" -o "$dir/bare/k6j.jar" >"$dir/build.log" 2>&1 ||
    fail "bundler build failed" "$dir/build.log"
if [[ ! -f $repo/com/example/k6j-greeting/1.0.0/k6j-greeting-1.0.0.jar ]]; then
    say "installing the extension template into $repo (and k6j $version into $local_m2, once)"
    mvn -q -B -DskipTests install -pl spi-testkit -am >"$dir/install-k6j.log" 2>&1 </dev/null ||
        fail "installing k6j failed" "$dir/install-k6j.log"
    rm -rf "$dir/template" && cp -r examples/extension-template "$dir/template" && rm -rf "$dir/template/target"
    (cd "$dir/template" && mvn -q -B -DskipTests package) >"$dir/template.log" 2>&1 </dev/null ||
        fail "building the template failed" "$dir/template.log"
    mkdir -p "$repo/com/example/k6j-greeting/1.0.0"
    cp "$dir/template/target/k6j-greeting-1.0.0.jar" "$dir/template/pom.xml" "$repo/com/example/k6j-greeting/1.0.0/"
    mv "$repo/com/example/k6j-greeting/1.0.0/pom.xml" "$repo/com/example/k6j-greeting/1.0.0/k6j-greeting-1.0.0.pom"
    for f in "$repo"/com/example/k6j-greeting/1.0.0/*.{jar,pom}; do   # as mvn deploy publishes them
        sha1sum "$f" | cut -d' ' -f1 >"$f.sha1"
    done
fi
cat >"$dir/catalog.json" <<JSON
{"k6/x/greeting": {"coordinates": "com.example:k6j-greeting", "versions": ["1.0.0"],
                   "repository": {"id": "bench", "url": "file://$repo/"}}}
JSON
cat >"$dir/settings.xml" <<XML
<settings><mirrors><mirror><id>bench</id><mirrorOf>central</mirrorOf><url>file://$repo/</url></mirror></mirrors></settings>
XML
cat >"$dir/greeting.js" <<'JS'
import { greet } from 'k6/x/greeting';
export const options = { iterations: 1 };
export default function () { greet('bench'); }
JS
mkdir -p "$dir/plugins" && cp "$repo/com/example/k6j-greeting/1.0.0/k6j-greeting-1.0.0.jar" "$dir/plugins/"

# timed ENV... COMMAND...: one run (its stderr, then the time, in run.err); prints "cpu wall" in seconds.
timed() {
    /usr/bin/time -f '%U %S %e' env "$@" >/dev/null 2>"$dir/run.err" </dev/null || true
    tail -n1 "$dir/run.err" | awk '{ printf "%.2f %.2f\n", $1 + $2, $3 }'
}

report() {
    local title=$1 file=$2
    sort -n "$file" | awk -v t="$title" '{ cpu[NR] = $1; wall[NR] = $2 } END {
        m = int((NR + 1) / 2); printf "  %-44s median cpu %5.2f s, wall %5.2f s   (cpu: ", t, cpu[m], wall[m];
        for (i = 1; i <= NR; i++) printf "%s%.2f", (i > 1 ? " " : ""), cpu[i]; print ")" }'
}

common=(K6J_JAVA_HOME="$K6J_JDK" K6J_JS_RUNTIME=interpreter K6J_EXTENSION_CATALOG="$dir/catalog.json"
        K6J_MAVEN_SETTINGS="$dir/settings.xml")
: >"$dir/plugin.txt"; : >"$dir/first.txt"; : >"$dir/cached.txt"; : >"$dir/unpack.txt"; : >"$dir/version.txt"
for ((i = 1; i <= runs; i++)); do
    rm -rf "$dir/cache" "$dir/m2"
    timed "${common[@]}" K6J_CACHE_DIR="$dir/cache" "$dir/bare/k6j.jar" version >>"$dir/unpack.txt"
    timed "${common[@]}" K6J_CACHE_DIR="$dir/cache" "$dir/bare/k6j.jar" version >>"$dir/version.txt"
    timed "${common[@]}" K6J_CACHE_DIR="$dir/cache" K6J_PLUGINS_DIR="$dir/plugins" \
        "$dir/bare/k6j.jar" run -q --no-summary "$dir/greeting.js" >>"$dir/plugin.txt"
    timed "${common[@]}" K6J_CACHE_DIR="$dir/cache" K6J_JAVA_OPTS="-Dmaven.repo.local=$dir/m2" \
        "$dir/bare/k6j.jar" run -q --no-summary "$dir/greeting.js" >>"$dir/first.txt"
    grep -q "added k6/x/greeting 1.0.0 on demand" "$dir/run.err" || fail "the on-demand run did not resolve" "$dir/run.err"
    timed "${common[@]}" K6J_CACHE_DIR="$dir/cache" K6J_JAVA_OPTS="-Dmaven.repo.local=$dir/m2" \
        "$dir/bare/k6j.jar" run -q --no-summary "$dir/greeting.js" >>"$dir/cached.txt"
    grep -q "(resolved before; cached)" "$dir/run.err" || fail "the second on-demand run did not use the cache" "$dir/run.err"
done
echo "one-file bare bundle $(du -h "$dir/bare/k6j.jar" | cut -f1), $runs rounds, interpreter (CPU = user+sys, JVM start included):"
report "version, first run after the build (unpacks)" "$dir/unpack.txt"
report "version, later runs" "$dir/version.txt"
report "run greeting.js, template in plugins/" "$dir/plugin.txt"
report "run greeting.js, on demand, empty caches" "$dir/first.txt"
report "run greeting.js, on demand, cached" "$dir/cached.txt"
echo "  machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), JDK $K6J_JDK_VERSION"
