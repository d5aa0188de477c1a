# ---- shared by the bundle launchers (launcher.sh, one-file.sh): choose the JS runtime, run the engine ----
# Needs: K6J_JDK and K6J_JDK_VERSION (k6j_require_jdk), jar (the engine jar), compiler_dir (its Graal compiler
# folder), engine_home (the folder whose plugins/ is the plugins folder).
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
    -XX:+UseCompactObjectHeaders                    # 8-byte object headers: VUs take less memory (docs/runtime.md)
    "-Dk6j.home=$engine_home"
    "-Dk6j.launcher=$0"
)
read -r -a extra_opts <<<"${K6J_JAVA_OPTS:-}"
if [[ ${K6J_DEBUG:-} == 1 ]]; then
    echo "k6j: $K6J_JDK/bin/java ${java_args[*]} ${extra_opts[*]} -jar $jar $*" >&2
fi
exec "$K6J_JDK/bin/java" "${java_args[@]}" "${extra_opts[@]}" -jar "$jar" "$@"
