#!/usr/bin/env bash
# Refreshes the offline copy of the @types/k6 declaration files that TypesK6ExportsTest reads the export lists from
# when the build cannot fetch the package from the npm registry (engine/pom.xml pins the version and its SHA-1).
#   engine/src/test/resources/types-k6/update.sh [version]     (default: the latest on the npm registry)
# Needs npm. Copies the .d.ts of the modules the test covers, records the version in VERSION, and prints the
# properties to put in engine/pom.xml.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
version=${1:-$(npm view @types/k6 version)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@types/k6@$version" >/dev/null && tar xzf ./*.tgz)
root=$work/k6
[[ -d $root ]] || root=$work/package
for module in crypto data encoding html secrets experimental/csv experimental/fs experimental/streams net/grpc; do
    mkdir -p "$here/$module"
    cp "$root/$module/index.d.ts" "$here/$module/index.d.ts"
done
echo "$version" > "$here/VERSION"
echo "@types/k6 $version copied into $here; in engine/pom.xml set:"
echo "  <types-k6.version>$version</types-k6.version>"
echo "  <types-k6.sha1>$(npm view "@types/k6@$version" dist.shasum)</types-k6.sha1>"
