#!/usr/bin/env bash
# shellcheck disable=SC2016  # test conditions are shell code in single quotes, evaluated later
# Tests for ./k6j and bin/k6j-env.sh: JDK discovery, the build staleness check and the
# JavaScript runtime flags. They run a copy of the launcher in a temporary repository with
# fake JDKs (a `release` file and a bin/java that prints its arguments) and a fake `mvn`,
# so they take a second and need neither Maven nor a real JDK 25.
# Usage: bin/test-launcher.sh        (./run-tests runs it before the Maven build)
set -uo pipefail

here=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0

# --- the world the launcher sees -------------------------------------------------------------

# Only these tools on PATH, so a real java or mvn never leaks into a test.
mkdir -p "$tmp/sysbin" "$tmp/fakebin"
for tool in bash cat dirname basename readlink find grep head tail mkdir touch flock rm tr sleep; do
    path=$(command -v "$tool") && ln -s "$path" "$tmp/sysbin/$tool"
done

# fake_jdk NAME VERSION [MODULES]: a JDK home whose java prints one argument per line.
# MODULES "none" writes no release file, so the version must come from `java -version`.
fake_jdk() {
    local home=$1 version=$2 modules=${3:-"java.base jdk.internal.vm.ci jdk.graal.compiler"}
    mkdir -p "$home/bin"
    if [[ $modules != none ]]; then
        printf 'IMPLEMENTOR="Fake"\nJAVA_VERSION="%s"\nMODULES="%s"\n' "$version" "$modules" >"$home/release"
    fi
    cat >"$home/bin/java" <<EOF
#!/usr/bin/env bash
if [[ \$1 == -version ]]; then echo 'openjdk version "$version" 2026-01-01' >&2; exit 0; fi
echo "java:\$0"
for a in "\$@"; do printf 'arg:%s\n' "\$a"; done
case "\${!#}" in
    -) printf 'stdin:%s\n' "\$(cat)" ;;
    exit99) exit 99 ;;
esac
exit 0
EOF
    chmod +x "$home/bin/java"
}
# $jvm stands for /usr/lib/jvm; the JDKs in $other are found only through JAVA_HOME and the like.
jvm=$tmp/jvm other=$tmp/other
fake_jdk "$jvm/openjdk-17" 17.0.15
fake_jdk "$jvm/temurin-25.0.3" 25.0.3
fake_jdk "$other/temurin-25.0.4" 25.0.4
fake_jdk "$other/temurin-25.0.5" 25.0.5
fake_jdk "$other/norelease-25.0.3" 25.0.3 none
fake_jdk "$other/nojvmci-25.0.3" 25.0.3 "java.base java.sql"

# A fake mvn that "builds" like the real pom: GraalJS from the profile for the JDK running it,
# 25.0.3 when there is none; like Maven's copy goals it adds jars and removes none.
# FAKE_MVN_FAIL=1 makes it fail. Every call is logged.
write_fake_mvn() {
    cat >"$tmp/fakebin/mvn" <<'EOF'
#!/usr/bin/env bash
echo "JAVA_HOME=$JAVA_HOME MAVEN_OPTS=$MAVEN_OPTS ARGS=$* STDIN=$(cat)" >>"$FAKE_MVN_LOG"
sleep "${FAKE_MVN_SLEEP:-0}"
if [[ ${FAKE_MVN_FAIL:-} == 1 ]]; then echo "[ERROR] COMPILATION ERROR: Foo.java:[3,1] class, interface expected"; exit 1; fi
v=$(grep '^JAVA_VERSION=' "$JAVA_HOME/release" | tr -d '"'); v=${v#JAVA_VERSION=}
grep -q "<id>jdk-$v</id>" pom.xml || v=25.0.3
mkdir -p distribution/target/lib/graal-compiler
touch distribution/target/k6j.jar "distribution/target/lib/graal-compiler/compiler-$v.jar" "distribution/target/lib/graal-compiler/truffle-compiler-$v.jar"
EOF
    chmod +x "$tmp/fakebin/mvn"
}
write_fake_mvn

# A fake nproc: FAKE_NPROC CPUs, 8 unless a test says otherwise (a machine on which the
# launcher's "auto" picks the optimizing runtime).
printf '#!/usr/bin/env bash\necho "${FAKE_NPROC:-8}"\n' >"$tmp/fakebin/nproc"
chmod +x "$tmp/fakebin/nproc"

# new_repo: a fresh copy of the launcher in $repo, built for GraalJS 25.0.3, jar newer than sources.
new_repo() {
    repo=$tmp/repo-$((++repo_count))
    mkdir -p "$repo/bin" "$repo/spi/src/main/java" "$repo/engine/src/main/java" "$repo/distribution/target/lib/graal-compiler"
    cp "$here/k6j" "$repo/k6j"
    cp "$here/bin/k6j-env.sh" "$repo/bin/k6j-env.sh"
    printf '<project>\n  <profiles>\n    <profile><id>jdk-25.0.3</id></profile>\n    <profile><id>jdk-25.0.4</id></profile>\n  </profiles>\n</project>\n' >"$repo/pom.xml"
    touch "$repo/spi/pom.xml" "$repo/engine/pom.xml" "$repo/engine/src/main/java/Main.java" "$repo/spi/src/main/java/Vu.java"
    touch -d '-1 hour' "$repo"/pom.xml "$repo"/*/pom.xml "$repo"/*/src/main/java/*.java
    touch "$repo/distribution/target/k6j.jar" "$repo/distribution/target/lib/graal-compiler/compiler-25.0.3.jar"
    : >"$tmp/mvn.log"
}
repo_count=0

# launch [ENV=VALUE...] -- ARGS...: run the launcher in a clean environment; sets out, err, rc.
launch() {
    local envs=()
    while [[ $1 != -- ]]; do envs+=("$1"); shift; done
    shift
    env -i HOME="$tmp" PATH="$tmp/fakebin:$tmp/sysbin" K6J_JDK_SEARCH_DIRS="$tmp/jvm" K6J_CGROUP_CPU_MAX= \
        FAKE_MVN_LOG="$tmp/mvn.log" "${envs[@]}" \
        bash "$repo/k6j" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    out=$(cat "$tmp/out") err=$(cat "$tmp/err")
}

# check NAME CONDITION...: one test result; each CONDITION is shell code, evaluated after the
# launcher ran (so single quotes on purpose); on failure show what the launcher printed.
check() {
    local name=$1
    shift
    if all "$@"; then
        passed=$((passed + 1))
        echo "ok - $name"
    else
        failed=$((failed + 1))
        echo "FAIL - $name"
        printf '  rc=%s\n  stdout:\n%s\n  stderr:\n%s\n  mvn:\n%s\n' "$rc" "$out" "$err" "$(cat "$tmp/mvn.log")" | sed 's/^/    /'
    fi
}
has() { [[ $out == *"$1"* ]]; }
lacks() { [[ $out != *"$1"* ]]; }
err_has() { [[ $err == *"$1"* ]]; }
built() { [[ -s $tmp/mvn.log ]]; }
not_built() { [[ ! -s $tmp/mvn.log ]]; }
all() { local c; for c in "$@"; do eval "$c" || return 1; done; }

# --- JDK discovery -----------------------------------------------------------------------------

new_repo
launch JAVA_HOME="$jvm/openjdk-17" -- version
check "JAVA_HOME on JDK 17 is passed over for a JDK 25 under /usr/lib/jvm" \
    '[[ $rc == 0 ]]' 'has "java:$jvm/temurin-25.0.3/bin/java"' '[[ -z $err ]]'

launch K6J_JAVA_HOME="$other/temurin-25.0.4" JAVA_HOME="$jvm/temurin-25.0.3" -- version
check "K6J_JAVA_HOME comes before JAVA_HOME" 'has "java:$other/temurin-25.0.4/bin/java"'

launch JAVA_HOME="$other/temurin-25.0.5/" -- version
check "JAVA_HOME with a trailing slash is used" 'has "java:$other/temurin-25.0.5/bin/java"'

launch K6J_JAVA_HOME="$jvm/openjdk-17" JAVA_HOME="$jvm/temurin-25.0.3" -- version
check "K6J_JAVA_HOME on JDK 17 is passed over, with a word on stderr" \
    'has "java:$jvm/temurin-25.0.3/bin/java"' 'err_has "K6J_JAVA_HOME=$jvm/openjdk-17 is JDK 17.0.15, not 25"'

launch JAVA_HOME="$jvm/openjdk-17" K6J_JDK_SEARCH_DIRS= -- version
check "no JDK 25 anywhere: one line naming what to install, exit 1" \
    '[[ $rc == 1 ]]' '[[ $(wc -l <<<"$err") == 1 ]]' 'err_has "JDK 25 is needed (found: 17.0.15 at $jvm/openjdk-17)"' \
        'err_has "apt-get install temurin-25-jdk"' 'err_has "adoptium.net"' '[[ -z $out ]]'

launch K6J_JDK_SEARCH_DIRS= PATH="$other/temurin-25.0.4/bin:$tmp/fakebin:$tmp/sysbin" -- version
check "java on PATH is the last resort" 'has "java:$other/temurin-25.0.4/bin/java"'

launch K6J_JDK_SEARCH_DIRS= PATH="$jvm/openjdk-17/bin:$other/temurin-25.0.4/bin:$tmp/fakebin:$tmp/sysbin" -- version
check "java on PATH means the one PATH finds first" 'err_has "JDK 25 is needed (found: 17.0.15 at $jvm/openjdk-17)"'

new_repo
launch JAVA_HOME="$other/norelease-25.0.3" -- version
check "a JDK without a release file is read with java -version" \
    'has "java:$other/norelease-25.0.3/bin/java"' 'has "arg:-XX:+EnableJVMCI"'

# --- the JavaScript runtime flags --------------------------------------------------------------

new_repo
launch JAVA_HOME="$jvm/temurin-25.0.3" -- run script.js
check "8 CPUs, JDK 25.0.3 + compiler 25.0.3: JVMCI on, compiler on the upgrade module path, latency mode" \
    'has "arg:-XX:+UnlockExperimentalVMOptions"' 'has "arg:-XX:+EnableJVMCI"' \
        'has "arg:--upgrade-module-path=$repo/distribution/target/lib/graal-compiler"' 'has "arg:-Dk6j.jsRuntime=optimizing"' \
        'has "arg:-Dpolyglot.engine.Mode=latency"' 'lacks "WarnInterpreterOnly"' \
        'has "arg:-Dk6j.jsRuntimeReason=the default with 8 CPUs; K6J_JS_RUNTIME=interpreter starts faster"'

launch JAVA_HOME="$other/temurin-25.0.5" -- run script.js
check "JDK 25.0.5 with no matching compiler: interpreter, no JVMCI, the reason names the fix" \
    '[[ $rc == 0 ]]' 'lacks "EnableJVMCI"' 'lacks "upgrade-module-path"' \
        'has "arg:-Dpolyglot.engine.WarnInterpreterOnly=false"' 'has "arg:-Dk6j.jsRuntime=interpreter"' \
        'has "arg:-Dk6j.jsRuntimeReason=JDK 25.0.5 has no matching GraalJS compiler (the engine has 25.0.3); install Temurin 25.0.3, or add a jdk-25.0.5 profile"' \
        not_built

launch JAVA_HOME="$other/nojvmci-25.0.3" -- run script.js
check "a JDK without the JVMCI module: interpreter" \
    'lacks "EnableJVMCI"' 'has "arg:-Dk6j.jsRuntimeReason=the JDK at $other/nojvmci-25.0.3 has no JVMCI"'

rm "$repo/distribution/target/lib/graal-compiler/compiler-25.0.3.jar"
launch JAVA_HOME="$jvm/temurin-25.0.3" K6J_SKIP_BUILD=1 -- run script.js
check "no compiler jars: interpreter, and the reason says to rebuild" \
    'lacks "EnableJVMCI"' 'has "compiler jars are missing"' 'has "--k6j-build"'

new_repo
launch JAVA_HOME="$jvm/temurin-25.0.3" K6J_JS_RUNTIME=interpreter -- run script.js
check "K6J_JS_RUNTIME=interpreter forces the interpreter" \
    'lacks "EnableJVMCI"' 'has "arg:-Dk6j.jsRuntimeReason=K6J_JS_RUNTIME=interpreter is set"'

launch JAVA_HOME="$jvm/temurin-25.0.3" FAKE_NPROC=2 -- run script.js
check "2 CPUs: the interpreter by default, and the reason names the switch" \
    'lacks "EnableJVMCI"' 'lacks "upgrade-module-path"' 'lacks "engine.Mode"' 'has "arg:-Dk6j.jsRuntime=interpreter"' \
        'has "arg:-Dk6j.jsRuntimeReason=the default with 2 CPUs; K6J_JS_RUNTIME=optimizing compiles hot JavaScript"'

launch JAVA_HOME="$jvm/temurin-25.0.3" FAKE_NPROC=1 K6J_JS_RUNTIME=auto -- run script.js
check "K6J_JS_RUNTIME=auto is the default; 1 CPU is singular" \
    'lacks "EnableJVMCI"' 'has "arg:-Dk6j.jsRuntimeReason=the default with 1 CPU; K6J_JS_RUNTIME=optimizing"'

launch JAVA_HOME="$jvm/temurin-25.0.3" FAKE_NPROC=4 -- run script.js
check "4 CPUs: the optimizing runtime by default" 'has "arg:-XX:+EnableJVMCI"' 'has "the default with 4 CPUs"'

launch JAVA_HOME="$jvm/temurin-25.0.3" FAKE_NPROC=2 K6J_JS_RUNTIME=optimizing -- run script.js
check "K6J_JS_RUNTIME=optimizing turns the JIT on on 2 CPUs" \
    'has "arg:-XX:+EnableJVMCI"' 'has "arg:-Dpolyglot.engine.Mode=latency"' \
        'has "arg:-Dk6j.jsRuntimeReason=K6J_JS_RUNTIME=optimizing is set"'

launch JAVA_HOME="$other/temurin-25.0.5" K6J_JS_RUNTIME=optimizing -- run script.js
check "K6J_JS_RUNTIME=optimizing on a JDK without a matching compiler: the interpreter, and why" \
    'lacks "EnableJVMCI"' 'has "arg:-Dk6j.jsRuntimeReason=JDK 25.0.5 has no matching GraalJS compiler"'

launch JAVA_HOME="$jvm/temurin-25.0.3" K6J_JS_RUNTIME=fast -- run script.js
check "an unknown K6J_JS_RUNTIME: one line naming the choices, exit 1, no java" \
    '[[ $rc == 1 ]]' '[[ -z $out ]]' '[[ $(wc -l <<<"$err") == 1 ]]' \
        'err_has "K6J_JS_RUNTIME must be auto, interpreter or optimizing, not '"'fast'"'"'

printf '150000 100000\n' >"$tmp/cpu.max"
launch JAVA_HOME="$jvm/temurin-25.0.3" K6J_CGROUP_CPU_MAX="$tmp/cpu.max" -- run script.js
check "a container limited to 1.5 CPUs (cgroup v2 cpu.max) on an 8-CPU host counts as 2: interpreter" \
    'lacks "EnableJVMCI"' 'has "the default with 2 CPUs"'
printf 'max 100000\n' >"$tmp/cpu.max"
launch JAVA_HOME="$jvm/temurin-25.0.3" K6J_CGROUP_CPU_MAX="$tmp/cpu.max" -- run script.js
check "... and an unlimited one counts the host's 8" 'has "arg:-XX:+EnableJVMCI"' 'has "the default with 8 CPUs"'

launch JAVA_HOME="$jvm/temurin-25.0.3" K6J_JAVA_OPTS="-Dpolyglot.engine.Mode=throughput" -- run script.js
check "K6J_JAVA_OPTS can change the engine mode: they come after the launcher's, and the last -D wins" \
    '[[ $(grep -n "engine.Mode=latency" <<<"$out" | cut -d: -f1) -lt $(grep -n "engine.Mode=throughput" <<<"$out" | cut -d: -f1) ]]'

launch JAVA_HOME="$jvm/temurin-25.0.3" -- run script.js
check "the flags every run gets" \
    'has "arg:--enable-native-access=ALL-UNNAMED"' 'has "arg:--sun-misc-unsafe-memory-access=allow"' \
        \
        'has "arg:-Dk6j.home=$repo"' 'has "arg:-Dk6j.launcher=$repo/k6j"'

launch JAVA_HOME="$jvm/temurin-25.0.3" K6J_JAVA_OPTS="-Xmx2g  -XX:+UseZGC -Dx=*" -- run -e "A=a b" script.js
check "K6J_JAVA_OPTS come after our flags and before -jar; arguments pass through untouched" \
    'has "$(printf "arg:-Dk6j.launcher=%s\narg:-Xmx2g\narg:-XX:+UseZGC\narg:-Dx=*\narg:-jar\narg:%s\narg:run\narg:-e\narg:A=a b\narg:script.js" "$repo/k6j" "$repo/distribution/target/k6j.jar")"'

env -i PATH="$tmp/fakebin:$tmp/sysbin" K6J_JDK_SEARCH_DIRS="$jvm" bash "$repo/k6j" run - <<<"export default function () {}" >"$tmp/out" 2>&1
rc=$? out=$(cat "$tmp/out") err=
check "stdin reaches the engine (k6j run -)" 'has "stdin:export default function () {}"'

launch JAVA_HOME="$jvm/temurin-25.0.3" -- run exit99
check "the engine's exit code is the launcher's" '[[ $rc == 99 ]]'

mkdir -p "$tmp/elsewhere/bin"
ln -s "$repo/k6j" "$tmp/elsewhere/k6j-link"
ln -s ../k6j-link "$tmp/elsewhere/bin/k6j"
env -i PATH="$tmp/elsewhere/bin:$tmp/fakebin:$tmp/sysbin" K6J_JDK_SEARCH_DIRS="$jvm" bash -c 'cd / && k6j version' >"$tmp/out" 2>&1
out=$(cat "$tmp/out")
check "through a chain of symlinks on PATH, from another folder, it finds its repository" \
    'has "arg:-Dk6j.home=$repo"' 'has "arg:$repo/distribution/target/k6j.jar"' 'has "arg:-Dk6j.launcher=$tmp/elsewhere/bin/k6j"'

# --- building ----------------------------------------------------------------------------------

new_repo
launch JAVA_HOME="$jvm/temurin-25.0.3" -- version
check "an up-to-date engine is not rebuilt" not_built '[[ -z $err ]]'

rm "$repo/distribution/target/k6j.jar"
launch JAVA_HOME="$jvm/openjdk-17" -- version
check "a missing engine is built quietly with the JDK found, then run" \
    built 'err_has "k6j: building the engine and its extensions (first run takes a minute)…"' \
        'grep -q "JAVA_HOME=$jvm/temurin-25.0.3 " "$tmp/mvn.log"' \
        'grep -q "MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow ARGS=-q -B -Dstyle.color=never -DskipTests package -pl distribution -am STDIN=\$" "$tmp/mvn.log"' \
        'has "arg:version"' '[[ -f $repo/target/k6j-build.log ]]'

new_repo
touch -d "+2 seconds" "$repo/engine/src/main/java/Main.java"
launch JAVA_HOME="$jvm/temurin-25.0.3" -- version
check "a source newer than the jar triggers a build that names it" \
    built 'err_has "building the engine and its extensions (engine/src/main/java/Main.java changed)"' 'has "arg:version"'
: >"$tmp/mvn.log"
launch JAVA_HOME="$jvm/temurin-25.0.3" -- version
check "after the build, the next run builds nothing" not_built

new_repo
touch -d "+2 seconds" "$repo/pom.xml"
launch JAVA_HOME="$jvm/temurin-25.0.3" -- version
check "a newer parent pom triggers a build" built 'err_has "(pom.xml changed)"'

new_repo
mkdir -p "$repo/modules/tcp/src/main/java" "$repo/modules/tcp/src/test/java" "$repo/modules/tcp/target"
touch -d "+2 seconds" "$repo/modules/tcp/src/test/java/TcpTest.java" "$repo/modules/tcp/target/x.class" "$repo/modules/README.md"
launch JAVA_HOME="$jvm/temurin-25.0.3" -- version
check "tests, build output and docs of an extension don't trigger a build" not_built
touch -d "+2 seconds" "$repo/modules/tcp/src/main/java/Socket.java"
launch JAVA_HOME="$jvm/temurin-25.0.3" -- version
check "a newer extension source triggers a build" built 'err_has "(modules/tcp/src/main/java/Socket.java changed)"'

new_repo
touch -d "+2 seconds" "$repo/spi/src/main/java/Vu.java"
launch JAVA_HOME="$jvm/temurin-25.0.3" K6J_SKIP_BUILD=1 -- version
check "K6J_SKIP_BUILD=1 skips the staleness check" not_built 'has "arg:version"'

rm "$repo/distribution/target/k6j.jar"
launch JAVA_HOME="$jvm/temurin-25.0.3" K6J_SKIP_BUILD=1 -- version
check "K6J_SKIP_BUILD=1 with no engine: one line, exit 1" \
    '[[ $rc == 1 ]]' 'err_has "no engine at"' not_built

new_repo
rm "$repo/distribution/target/k6j.jar"
launch JAVA_HOME="$jvm/temurin-25.0.3" FAKE_MVN_FAIL=1 -- version
check "a failed build shows the log's tail and exits 1 without running java" \
    '[[ $rc == 1 ]]' 'err_has "the engine build failed"' 'err_has "COMPILATION ERROR: Foo.java:[3,1]"' '[[ -z $out ]]'

rm "$tmp/fakebin/mvn"
launch JAVA_HOME="$jvm/temurin-25.0.3" -- version
check "no Maven: one line naming it, exit 1" \
    '[[ $rc == 1 ]]' 'err_has "Maven 3.8+ is needed"' 'err_has "apt-get install maven"'
write_fake_mvn

new_repo
launch JAVA_HOME="$other/temurin-25.0.4" -- version
check "JDK 25.0.4 on an engine built for 25.0.3, with a 25.0.4 profile: rebuilt, then optimizing" \
    built 'err_has "GraalJS 25.0.3, JDK 25.0.4 wants 25.0.4"' 'has "arg:-XX:+EnableJVMCI"' \
        '[[ -f $repo/distribution/target/lib/graal-compiler/compiler-25.0.4.jar ]]' \
        '[[ ! -e $repo/distribution/target/lib/graal-compiler/compiler-25.0.3.jar ]]'
: >"$tmp/mvn.log"
launch JAVA_HOME="$other/temurin-25.0.4" -- version
check "... and not rebuilt on the next run" not_built 'has "arg:-XX:+EnableJVMCI"'

new_repo
printf '25.0.4\n' >"$repo/distribution/target/k6j-built-with-jdk"
launch JAVA_HOME="$other/temurin-25.0.4" -- version
check "a rebuild for a JDK update that did not give a match is not repeated" \
    not_built 'has "arg:-Dk6j.jsRuntimeReason=JDK 25.0.4 needs GraalJS 25.0.4 but the engine was built with 25.0.3; rebuild with"'

new_repo
touch "$repo/distribution/target/lib/graal-compiler/compiler-25.0.4.jar"
launch JAVA_HOME="$jvm/temurin-25.0.3" K6J_SKIP_BUILD=1 -- version
check "compilers of two versions side by side (the JVM would refuse them): interpreter" \
    'lacks "EnableJVMCI"' 'has "compilers of several versions (25.0.3 25.0.4)"'
launch JAVA_HOME="$jvm/temurin-25.0.3" -- version
check "... and without K6J_SKIP_BUILD, a clean rebuild leaves one" \
    built 'err_has "holds compilers of several versions: 25.0.3 25.0.4"' 'has "arg:-XX:+EnableJVMCI"' \
    '[[ ! -e $repo/distribution/target/lib/graal-compiler/compiler-25.0.4.jar ]]'

new_repo
rm "$repo/distribution/target/k6j.jar"
launch JAVA_HOME="$jvm/temurin-25.0.3" FAKE_MVN_SLEEP=1 -- version &
launch JAVA_HOME="$jvm/temurin-25.0.3" FAKE_MVN_SLEEP=1 -- version
wait
check "two launchers at once: one builds, the other waits for it" '[[ $(wc -l <"$tmp/mvn.log") == 1 ]]'

new_repo
launch JAVA_HOME="$jvm/temurin-25.0.3" -- --k6j-build
check "--k6j-build alone rebuilds an up-to-date engine and exits" \
    '[[ $rc == 0 ]]' built 'err_has "asked for with --k6j-build"' '[[ -z $out ]]'
: >"$tmp/mvn.log"
launch JAVA_HOME="$jvm/temurin-25.0.3" -- --k6j-build run x.js
check "--k6j-build before a command rebuilds, then runs it" built 'has "arg:run"' 'has "arg:x.js"' 'lacks "k6j-build"'

echo
echo "launcher: $passed passed, $failed failed"
[[ $failed == 0 ]]
