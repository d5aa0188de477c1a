#!/usr/bin/env bash
# k6j bundle launcher: written by `bundler build` beside @JAR@; runs it with the JVM flags
# GraalJS needs.   ./@NAME@ run script.js   ./@NAME@ version
#
# What it does, in order (as the repository's ./k6j does; see docs/runtime.md):
#   1. finds a JDK 25 (K6J_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/*, java on PATH)
#   2. the JavaScript runtime: the interpreter on machines with fewer than 4 CPUs, else optimizing
#      when lib/graal-compiler/ holds the Graal compiler of exactly the JDK's update (GraalJS @GRAAL@
#      here); the engine is told why
#   3. execs java, so stdin, signals (Ctrl-C) and the exit code are the engine's
#
# Environment: K6J_JAVA_HOME, K6J_JAVA_OPTS (extra JVM options), K6J_JS_RUNTIME (auto, interpreter, optimizing),
# K6J_PLUGINS_DIR (drop-in plugin jars; default: plugins/ beside this script), K6J_DEBUG=1.
# @MARKER@
set -euo pipefail

self=${BASH_SOURCE[0]}
while [[ -L $self ]]; do
    link=$(readlink "$self")
    if [[ $link == /* ]]; then self=$link; else self=$(dirname "$self")/$link; fi
done
bundle_home=$(cd -P "$(dirname "$self")" && pwd)
jar=$bundle_home/@JAR@
compiler_dir=$bundle_home/lib/graal-compiler

# ---- from bin/k6j-env.sh of the k6j repository ----------------------------------------------
@K6J_ENV@
# ----------------------------------------------------------------------------------------------

compiler_versions() {
    local f v
    for f in "$compiler_dir"/compiler-*.jar; do
        [[ -f $f ]] || continue
        v=${f##*/compiler-}
        printf '%s\n' "${v%.jar}"
    done
}

k6j_require_jdk

jdk_update=$(k6j_update_version "$K6J_JDK_VERSION")
compiler=$(compiler_versions)
reason=
k6j_js_runtime_wanted   # K6J_JS_RUNTIME and the machine's size: the interpreter below 4 CPUs by default
if [[ $K6J_JS_WANTED == interpreter ]]; then
    reason=$K6J_JS_WHY
elif [[ -z $compiler ]]; then
    reason="this bundle has no Graal compiler in lib/graal-compiler"
elif [[ $compiler == *$'\n'* ]]; then
    reason="lib/graal-compiler holds compilers of several versions (${compiler//$'\n'/ }); rebuild the bundle into an empty folder"
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
    "-Dk6j.home=$bundle_home"
    "-Dk6j.launcher=$0"
)
read -r -a extra_opts <<<"${K6J_JAVA_OPTS:-}"
if [[ ${K6J_DEBUG:-} == 1 ]]; then
    echo "k6j: $K6J_JDK/bin/java ${java_args[*]} ${extra_opts[*]} -jar $jar $*" >&2
fi
exec "$K6J_JDK/bin/java" "${java_args[@]}" "${extra_opts[@]}" -jar "$jar" "$@"
