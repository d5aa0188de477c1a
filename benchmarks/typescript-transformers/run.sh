#!/usr/bin/env bash
# Compares TypeScript transformers run from Java on sample.ts: swc (swc4j, what k6j uses), esbuild (k6's, as a
# subprocess), sucrase and TypeScript's transpileModule (both in GraalJS). Prints start-up, first-file and
# later-file times (CPU and wall) and leaves each output in target/typescript-transformers/out-NAME.js.
# Numbers only, never pass/fail. Needs npm (to fetch esbuild, sucrase, typescript into a temporary folder)
# and the engine built (engine/target/lib). docs/scripting.md#why-swc has the numbers and the choice.
#
#   benchmarks/typescript-transformers/run.sh
set -euo pipefail
here=$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../../bin/k6j-env.sh
source "$root/bin/k6j-env.sh"
k6j_require_jdk
lib=$root/engine/target/lib
[[ -d $lib ]] || { echo "build the engine first: ./run-tests -pl engine -am -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund sucrase@3.35 esbuild@0.25 typescript@5 >/dev/null)
echo "export { transform } from 'sucrase';" > "$work/entry.js"
"$work/node_modules/@esbuild/linux-x64/bin/esbuild" "$work/entry.js" --bundle --format=iife --global-name=Sucrase \
    --platform=neutral --main-fields=main --minify --log-level=warning --outfile="$work/sucrase.js"

cp "$here/sample.ts" "$here/Bench.java" "$work/"
cd "$work"
cp=$(printf '%s:' "$lib"/*.jar)
"$K6J_JDK/bin/javac" -proc:none -cp "$cp" -d . Bench.java
run() { "$K6J_JDK/bin/java" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -cp "$cp:." Bench "$@"; }
run swc4j
run esbuild "$work/node_modules/@esbuild/linux-x64/bin/esbuild"
run sucrase "$work/sucrase.js"
run typescript "$work/node_modules/typescript/lib/typescript.js"
mkdir -p "$root/target/typescript-transformers"
cp out-*.js "$root/target/typescript-transformers/"
echo "outputs: target/typescript-transformers/out-*.js (diff them against out-esbuild.js)"
