#!/usr/bin/env bash
# k6j bundle @NAME@, one file: this launcher script followed by a jar. Written by `bundler build`.
#   ./@NAME@ run script.js      ./@NAME@ version      (or: java -jar @NAME@ run script.js, in the interpreter)
#
# What it does, in order (as the repository's ./k6j does; see docs/bundler.md and docs/runtime.md):
#   1. finds a JDK 25 (K6J_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/*, java on PATH)
#   2. the first time, unpacks the engine, GraalJS @GRAAL@ and the Graal compiler from this file into k6j's cache
#      (K6J_CACHE_DIR, else $XDG_CACHE_HOME/k6j, else ~/.cache/k6j), in bundles/@ID@
#   3. the JavaScript runtime: the interpreter on machines with fewer than 4 CPUs, else optimizing when the
#      compiler matches the JDK's update exactly; the engine is told why
#   4. execs java, so stdin, signals (Ctrl-C) and the exit code are the engine's
#
# Environment: K6J_JAVA_HOME, K6J_JAVA_OPTS (extra JVM options), K6J_JS_RUNTIME (auto, interpreter, optimizing),
# K6J_PLUGINS_DIR (drop-in plugin jars; default: plugins/ beside this file), K6J_CACHE_DIR, K6J_DEBUG=1.
# @MARKER@
set -euo pipefail

self=${BASH_SOURCE[0]}
while [[ -L $self ]]; do
    link=$(readlink "$self")
    if [[ $link == /* ]]; then self=$link; else self=$(dirname "$self")/$link; fi
done
bundle_dir=$(cd -P "$(dirname "$self")" && pwd)
bundle_file=$bundle_dir/$(basename "$self")

# ---- from bin/k6j-env.sh of the k6j repository ----------------------------------------------
@K6J_ENV@
# ----------------------------------------------------------------------------------------------

k6j_require_jdk

if [[ -n ${K6J_CACHE_DIR:-} ]]; then cache=$K6J_CACHE_DIR
elif [[ -n ${XDG_CACHE_HOME:-} ]]; then cache=$XDG_CACHE_HOME/k6j
else cache=$HOME/.cache/k6j; fi
bundle_home=$cache/bundles/@ID@
jar=$bundle_home/k6j.jar
compiler_dir=$bundle_home/lib/graal-compiler
if [[ ! -f $jar ]]; then
    "$K6J_JDK/bin/java" -cp "$bundle_file" dev.k6j.launcher.BundleLauncher --unpack "$bundle_home" ||
        { echo "k6j: could not unpack $bundle_file into $bundle_home" >&2; exit 1; }
fi

compiler_versions() {
    local f v
    for f in "$compiler_dir"/compiler-*.jar; do
        [[ -f $f ]] || continue
        v=${f##*/compiler-}
        printf '%s\n' "${v%.jar}"
    done
}

jdk_update=$(k6j_update_version "$K6J_JDK_VERSION")
compiler=$(compiler_versions)
reason=
k6j_js_runtime_wanted   # K6J_JS_RUNTIME and the machine's size: the interpreter below 4 CPUs by default
if [[ $K6J_JS_WANTED == interpreter ]]; then
    reason=$K6J_JS_WHY
elif [[ -z $compiler ]]; then
    reason="this bundle has no Graal compiler"
elif [[ $compiler != "$jdk_update" ]]; then
    reason="JDK $K6J_JDK_VERSION needs GraalJS $jdk_update but this bundle has $compiler; run it on Temurin $compiler, or rebuild it with bundler build on this JDK"
elif [[ -r $K6J_JDK/release ]] && grep -q '^MODULES=' "$K6J_JDK/release" &&
     ! grep -q 'jdk\.internal\.vm\.ci' "$K6J_JDK/release"; then
    reason="the JDK at $K6J_JDK has no JVMCI (jdk.internal.vm.ci); use Temurin $compiler"
fi

if [[ -z $reason ]]; then
    runtime_flags=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI "--upgrade-module-path=$compiler_dir"
                   "-Dpolyglot.engine.Mode=$K6J_OPTIMIZING_ENGINE_MODE" -Dk6j.jsRuntime=optimizing "-Dk6j.jsRuntimeReason=$K6J_JS_WHY")
else
    runtime_flags=(-Dpolyglot.engine.WarnInterpreterOnly=false -Dk6j.jsRuntime=interpreter "-Dk6j.jsRuntimeReason=$reason")
fi

java_args=(
    "${runtime_flags[@]}"
    --enable-native-access=ALL-UNNAMED
    --sun-misc-unsafe-memory-access=allow
    "-Dk6j.home=$bundle_dir"
    "-Dk6j.launcher=$0"
)
read -r -a extra_opts <<<"${K6J_JAVA_OPTS:-}"
if [[ ${K6J_DEBUG:-} == 1 ]]; then
    echo "k6j: $K6J_JDK/bin/java ${java_args[*]} ${extra_opts[*]} -jar $jar $*" >&2
fi
exec "$K6J_JDK/bin/java" "${java_args[@]}" "${extra_opts[@]}" -jar "$jar" "$@"
exit 1
# ---- the jar follows; bash never reads past the exec above ----
