# shellcheck shell=bash
# Shared by ./k6j, ./run-tests and .ci/run: finding a JDK 25 and setting up Maven for it.
# Source it; it defines functions and sets nothing until you call them.
#
# Why JDK 25 exactly: GraalJS 25.0.x runs its optimizing JavaScript runtime only on
# JDK 25 (see docs/runtime.md). An older JDK cannot build the engine either
# (the parent pom compiles with --release 25).

K6J_REQUIRED_MAJOR=25

# k6j_jdk_version HOME: print the full version of the JDK at HOME ("25.0.3"), or fail.
# The `release` file is read first because it costs nothing; `java -version` is the
# fallback for JDKs laid out without one.
k6j_jdk_version() {
    local home=$1 line version=
    [[ -x $home/bin/java ]] || return 1
    if [[ -r $home/release ]]; then
        line=$(grep -m1 '^JAVA_VERSION=' "$home/release" 2>/dev/null) || line=
        version=${line#JAVA_VERSION=}
        version=${version//\"/}
    fi
    if [[ -z $version ]]; then
        # First line looks like: openjdk version "25.0.3" 2026-04-21
        line=$("$home/bin/java" -version 2>&1 </dev/null | head -n1) || return 1
        [[ $line =~ \"([^\"]+)\" ]] || return 1
        version=${BASH_REMATCH[1]}
    fi
    [[ -n $version ]] || return 1
    printf '%s\n' "$version"
}

# k6j_major VERSION: "25.0.3" -> 25, "25-ea" -> 25, "1.8.0_402" -> 1 (old scheme: never 25).
k6j_major() {
    local v=${1%%[.+-]*}
    printf '%s\n' "$v"
}

# k6j_update_version VERSION: the major.minor.update triple GraalJS is matched against.
# "25" -> 25.0.0, "25.0.3" -> 25.0.3, "25.0.3.1" (a vendor patch) -> 25.0.3, "25-ea" -> 25.0.0.
k6j_update_version() {
    local v=${1%%[+-]*} major minor update rest
    IFS=. read -r major minor update rest <<<"$v"
    printf '%s.%s.%s\n' "$major" "${minor:-0}" "${update:-0}"
}

# k6j_java_home_of_path: the JDK home of the `java` found on PATH, through symlinks
# (/usr/bin/java -> /etc/alternatives/java -> /usr/lib/jvm/x/bin/java).
k6j_java_home_of_path() {
    local java
    java=$(command -v java) || return 1
    java=$(k6j_resolve "$java")
    printf '%s\n' "${java%/bin/java}"
}

# k6j_resolve PATH: follow symlinks to the real file (readlink -f is not on every system).
k6j_resolve() {
    local path=$1 dir target
    while [[ -L $path ]]; do
        dir=$(cd -P "$(dirname "$path")" && pwd)
        target=$(readlink "$path")
        if [[ $target == /* ]]; then path=$target; else path=$dir/$target; fi
    done
    dir=$(cd -P "$(dirname "$path")" && pwd)
    printf '%s/%s\n' "$dir" "$(basename "$path")"
}

# k6j_jdk_candidates: JDK homes to try, in order of preference, one per line.
# K6J_JDK_SEARCH_DIRS overrides the system folders (used by the launcher's own tests).
k6j_jdk_candidates() {
    local dir home
    [[ -n ${K6J_JAVA_HOME:-} ]] && printf '%s\n' "$K6J_JAVA_HOME"
    [[ -n ${JAVA_HOME:-} ]] && printf '%s\n' "$JAVA_HOME"
    # shellcheck disable=SC2086  # a space-separated list of folders, split on purpose
    for dir in ${K6J_JDK_SEARCH_DIRS-/usr/lib/jvm /Library/Java/JavaVirtualMachines}; do
        for home in "$dir"/*; do
            [[ -d $home/Contents/Home ]] && home=$home/Contents/Home   # macOS bundle layout
            [[ -d $home ]] && printf '%s\n' "$home"
        done
    done
    k6j_java_home_of_path || true
}

# k6j_find_jdk: set K6J_JDK (its home) and K6J_JDK_VERSION to the first JDK 25 found.
# On failure returns 1 and leaves K6J_JDK_SEEN listing what was found instead
# ("17.0.15 at /usr/lib/jvm/java-17-openjdk-amd64; ...").
k6j_find_jdk() {
    local home real version seen=() visited='|' explicit=${K6J_JAVA_HOME:-}
    K6J_JDK='' K6J_JDK_VERSION='' K6J_JDK_SEEN=''
    while IFS= read -r home; do
        [[ -n $home ]] || continue
        home=${home%/}
        # The same JDK is often reachable by several names (java-17-… and java-1.17.0-…,
        # JAVA_HOME, PATH): look at each real folder once.
        real=$(cd -P "$home" 2>/dev/null && pwd) || real=$home
        [[ $visited == *"|$real|"* ]] && continue
        visited+="$real|"
        if ! version=$(k6j_jdk_version "$home"); then
            [[ -n $explicit && $home == "${explicit%/}" ]] &&
                echo "k6j: K6J_JAVA_HOME=$explicit is not a JDK (no bin/java); looking further" >&2
            continue
        fi
        if [[ $(k6j_major "$version") == "$K6J_REQUIRED_MAJOR" ]]; then
            # shellcheck disable=SC2034  # read by the scripts that source this file
            K6J_JDK=$home K6J_JDK_VERSION=$version
            return 0
        fi
        # An explicit K6J_JAVA_HOME that we pass over deserves a word; JAVA_HOME often
        # points at another project's JDK, so that one is passed over silently.
        [[ -n $explicit && $home == "${explicit%/}" ]] &&
            echo "k6j: K6J_JAVA_HOME=$explicit is JDK $version, not $K6J_REQUIRED_MAJOR; looking further" >&2
        seen+=("$version at $home")
    done < <(k6j_jdk_candidates)
    local IFS=';'
    K6J_JDK_SEEN=${seen[*]:-none}
    K6J_JDK_SEEN=${K6J_JDK_SEEN//;/; }
    return 1
}

# k6j_require_jdk: k6j_find_jdk, or one line saying what to install, and exit 1.
k6j_require_jdk() {
    k6j_find_jdk && return 0
    echo "k6j: JDK $K6J_REQUIRED_MAJOR is needed (found: $K6J_JDK_SEEN); install Temurin $K6J_REQUIRED_MAJOR (apt-get install temurin-25-jdk, or https://adoptium.net) or set K6J_JAVA_HOME to one" >&2
    exit 1
}

# k6j_require_maven: Maven on PATH, or one line saying what to install, and exit 1.
k6j_require_maven() {
    command -v mvn >/dev/null 2>&1 && return 0
    echo "k6j: Maven 3.8+ is needed to build k6j (apt-get install maven, or https://maven.apache.org); none on PATH" >&2
    exit 1
}

# k6j_maven_env: make the next `mvn` run on the JDK we found. The parent pom picks the
# GraalJS version from the JDK that runs Maven, so this is what keeps build and run in step.
# --sun-misc-unsafe-memory-access=allow silences JDK 25's warnings about Maven's own libraries.
k6j_maven_env() {
    export JAVA_HOME=$K6J_JDK
    case " ${MAVEN_OPTS:-} " in
        *" --sun-misc-unsafe-memory-access="*) ;;
        *) export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
    esac
}

# The fewest CPUs on which K6J_JS_RUNTIME=auto (the default) picks the optimizing runtime. Below
# it the Graal compiler, itself Java code that the JVM must warm up first, costs more CPU than it
# saves in runs of up to several minutes, and competes with the VUs for the few cores
# (docs/runtime.md, "The default and why").
K6J_OPTIMIZING_MIN_CPUS=4
# GraalJS's engine.Mode for the optimizing runtime: "latency" compiles only in the first tier,
# sooner and cheaper (docs/runtime.md).
# shellcheck disable=SC2034  # read by the scripts that source this file
K6J_OPTIMIZING_ENGINE_MODE=latency

# k6j_cpu_count: the CPUs this process may use: nproc (the CPU affinity), lowered by a cgroup v2
# CPU quota, which is how containers are limited (cpu.max "200000 100000" = 2 CPUs; a fraction
# counts as a whole CPU). K6J_CGROUP_CPU_MAX names another file (the launcher's tests).
k6j_cpu_count() {
    local n quota period cpu_max=${K6J_CGROUP_CPU_MAX-/sys/fs/cgroup/cpu.max}
    n=$(nproc 2>/dev/null) || n=$(getconf _NPROCESSORS_ONLN 2>/dev/null) || n=
    [[ $n =~ ^[0-9]+$ ]] && ((n > 0)) || n=1
    if [[ -r $cpu_max ]] && read -r quota period <"$cpu_max" 2>/dev/null &&
       [[ $quota =~ ^[0-9]+$ && $period =~ ^[0-9]+$ ]] && ((period > 0)); then
        quota=$(((quota + period - 1) / period))
        ((quota < n)) && n=$quota
    fi
    printf '%s\n' "$n"
}

# k6j_js_runtime_wanted: set K6J_JS_WANTED (interpreter or optimizing) from K6J_JS_RUNTIME
# (auto, the default; interpreter; optimizing) and the machine, and K6J_JS_WHY to a short reason
# the engine prints. Whether the JDK can run the optimizing runtime is the launcher's to check.
# An unknown K6J_JS_RUNTIME: one line, exit 1.
k6j_js_runtime_wanted() {
    local requested=${K6J_JS_RUNTIME:-auto} cpus
    # shellcheck disable=SC2034  # read by the scripts that source this file
    case $requested in
        interpreter)
            K6J_JS_WANTED=interpreter K6J_JS_WHY="K6J_JS_RUNTIME=interpreter is set" ;;
        optimizing)
            K6J_JS_WANTED=optimizing K6J_JS_WHY="K6J_JS_RUNTIME=optimizing is set" ;;
        auto)
            cpus=$(k6j_cpu_count)
            if ((cpus < K6J_OPTIMIZING_MIN_CPUS)); then
                K6J_JS_WANTED=interpreter
                K6J_JS_WHY="the default with $cpus CPU$( ((cpus == 1)) || echo s); K6J_JS_RUNTIME=optimizing compiles hot JavaScript"
            else
                K6J_JS_WANTED=optimizing
                K6J_JS_WHY="the default with $cpus CPUs; K6J_JS_RUNTIME=interpreter starts faster"
            fi
            ;;
        *)
            echo "k6j: K6J_JS_RUNTIME must be auto, interpreter or optimizing, not '$requested' (docs/runtime.md)" >&2
            exit 1
            ;;
    esac
}
