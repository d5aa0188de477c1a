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

engine_home=$bundle_dir
@RUN_ENGINE@
exit 1
# ---- the jar follows; bash never reads past the exec above ----
