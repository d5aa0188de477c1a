#!/usr/bin/env bash
# How long `bundler build --with <two extensions>` takes with a warm local repository.
#
#   benchmarks/bundler.sh            # BENCH_RUNS timed builds (default 5) after one warm-up build
#
# Two measurements: the issue's goal, `bundler build --with tcp --with prometheus` (k6j's own
# extensions, from this checkout, with their libraries from the local repository), in a few seconds;
# and two third-party extensions by coordinates: the extension template (k6/x/greeting, no
# dependencies) and a small output with a real dependency (jackson-databind), both installed by Maven.
#
# Everything lives in BENCH_DIR (default ${TMPDIR:-/tmp}/k6j-bundler-bench): its own local Maven
# repository (released artifacts are read from ~/.m2/repository as a file repository, so nothing
# is written there), the two extension projects, the bundles. Kept between runs; delete it to start
# cold. It prints numbers and never judges them.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
# shellcheck source=bin/k6j-env.sh
source bin/k6j-env.sh
k6j_require_jdk
k6j_require_maven
k6j_maven_env

runs=${BENCH_RUNS:-5}
dir=${BENCH_DIR:-${TMPDIR:-/tmp}/k6j-bundler-bench}
repo=$dir/repo
settings=$dir/settings.xml
mkdir -p "$repo"

say() { echo "bench: $*" >&2; }
fail() { say "$1; the end of $2:"; tail -n 30 "$2" >&2; exit 1; }

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n1)
m2=$(cd ~ && pwd)/.m2/repository
cat >"$settings" <<XML
<settings>
  <profiles><profile><id>m2-cache</id>
    <repositories><repository><id>m2-cache</id><url>file://$m2</url>
      <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots></repository></repositories>
    <pluginRepositories><pluginRepository><id>m2-cache</id><url>file://$m2</url>
      <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository></pluginRepositories>
  </profile></profiles>
  <activeProfiles><activeProfile>m2-cache</activeProfile></activeProfiles>
</settings>
XML
mvn_bench=(mvn -q -B -s "$settings" "-Dmaven.repo.local=$repo")

# --- 1. the bundler, and the k6j artifacts the extensions build against -----------------------
say "building the bundler and installing k6j $version into $repo (once)"
bin/bundler --version >/dev/null || exit 1
if [[ ! -f $repo/dev/k6j/k6j-spi-testkit/$version/k6j-spi-testkit-$version.jar ]]; then
    "${mvn_bench[@]}" -DskipTests install -pl spi,engine,spi-testkit -am >"$dir/install-k6j.log" 2>&1 </dev/null ||
        fail "installing k6j into the benchmark repository failed" "$dir/install-k6j.log"
fi

# --- 2. two extensions, installed with Maven ---------------------------------------------------
if [[ ! -f $repo/com/example/k6j-greeting/1.0.0/k6j-greeting-1.0.0.jar ]]; then
    say "installing the extension template (com.example:k6j-greeting:1.0.0)"
    rm -rf "$dir/extension-template" && cp -r examples/extension-template "$dir/extension-template"
    rm -rf "$dir/extension-template/target"
    (cd "$dir/extension-template" && "${mvn_bench[@]}" "-Dk6j.version=$version" -DskipTests install) \
        >"$dir/install-greeting.log" 2>&1 </dev/null || fail "installing the template failed" "$dir/install-greeting.log"
fi
if [[ ! -f $repo/com/example/k6j-sample-counts/1.0.0/k6j-sample-counts-1.0.0.jar ]]; then
    say "installing a second extension with a dependency (com.example:k6j-sample-counts:1.0.0)"
    counts=$dir/sample-counts
    mkdir -p "$counts/src/main/java/com/example/counts" "$counts/src/main/resources/META-INF/services"
    sed -e 's:<artifactId>k6j-greeting</artifactId>:<artifactId>k6j-sample-counts</artifactId>:' \
        -e 's:<name>k6/x/greeting</name>:<name>--out sample-counts</name>:' \
        -e 's:<dependencies>:<dependencies><dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>2.20.1</version></dependency>:' \
        examples/extension-template/pom.xml >"$counts/pom.xml"
    cat >"$counts/src/main/java/com/example/counts/SampleCounts.java" <<'JAVA'
package com.example.counts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.OutputParams;
import dev.k6j.spi.Sample;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** --out sample-counts: prints how many samples each metric had, as JSON, at the end. */
public final class SampleCounts implements OutputFactory {
    public String name() { return "sample-counts"; }

    public Output create(OutputParams params) {
        Map<String, Long> counts = new TreeMap<>();
        return new Output() {
            public String description() { return "sample-counts"; }
            public void start() { }
            public synchronized void addMetricSamples(List<Sample> samples) {
                samples.forEach(s -> counts.merge(s.metric().name(), 1L, Long::sum));
            }
            public synchronized void stop() throws Exception {
                params.stdout().println(new ObjectMapper().writeValueAsString(counts));
            }
        };
    }
}
JAVA
    echo com.example.counts.SampleCounts >"$counts/src/main/resources/META-INF/services/dev.k6j.spi.OutputFactory"
    (cd "$counts" && "${mvn_bench[@]}" "-Dk6j.version=$version" -DskipTests install) \
        >"$dir/install-counts.log" 2>&1 </dev/null || fail "installing the second extension failed" "$dir/install-counts.log"
fi

# --- 3. k6j's own tcp and prometheus extensions, built in this checkout (the bundler takes them from here) -----
if ! ls modules/tcp/target/classes/META-INF/services/dev.k6j.spi.JsModule outputs/prometheus/target/classes/META-INF/services/dev.k6j.spi.OutputFactory >/dev/null 2>&1; then
    say "building modules/tcp and outputs/prometheus in the checkout"
    mvn -q -B -DskipTests package -pl modules/tcp,outputs/prometheus -am >"$dir/build-first-party.log" 2>&1 </dev/null ||
        fail "building tcp and prometheus failed" "$dir/build-first-party.log"
fi

# --- 4. the measurements -------------------------------------------------------------------------
# measure TITLE ARGS...: one warm-up build, then $runs timed ones; prints best and median wall time.
measure() {
    local title=$1 times=() i start end sorted best median
    shift
    local build=(bin/bundler build "$@" --settings "$settings" --local-repo "$repo" -o "$dir/bundle/k6j.jar")
    say "warm-up: ${build[*]}"
    K6J_SKIP_BUILD=1 "${build[@]}" >"$dir/warm-up.txt" 2>&1 </dev/null || fail "the warm-up build failed" "$dir/warm-up.txt"
    sed 's/^/    /' "$dir/warm-up.txt" >&2
    for ((i = 1; i <= runs; i++)); do
        start=$(date +%s%N)
        K6J_SKIP_BUILD=1 "${build[@]}" -q >/dev/null 2>"$dir/run.err" </dev/null || fail "build $i failed" "$dir/run.err"
        end=$(date +%s%N)
        times+=("$(( (end - start) / 1000000 ))")
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    best=$(head -n1 <<<"$sorted")
    median=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")
    echo "bundler build $title, warm local repository, $runs runs (wall time, JVM start included):"
    printf '  best   %d.%03d s\n' $((best / 1000)) $((best % 1000))
    printf '  median %d.%03d s   (all: %s ms)\n' $((median / 1000)) $((median % 1000)) "${times[*]}"
    echo "  bundle: k6j.jar $(du -h "$dir/bundle/k6j.jar" | cut -f1), one file (GraalJS and the JIT compiler inside)"
}

measure "--with tcp --with prometheus" --with tcp --with prometheus
measure "--with 2 third-party extensions" --with com.example:k6j-greeting:1.0.0 --with com.example:k6j-sample-counts:1.0.0
echo "  machine: $(nproc) cores, JDK $K6J_JDK_VERSION"
