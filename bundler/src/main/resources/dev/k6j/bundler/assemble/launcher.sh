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

k6j_require_jdk
engine_home=$bundle_home
@RUN_ENGINE@
