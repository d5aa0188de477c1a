#!/usr/bin/env bash
# Builds the k6j image from the repository's Dockerfile with buildah: no Docker daemon, and no image registry.
#
#   sudo deploy/docker/build-without-daemon.sh [TAG]        # TAG defaults to localhost/k6j:dev
#
# The Dockerfile's two base images are made here instead of pulled:
#   localhost/debian:bookworm-slim   Debian 12 by debootstrap (--variant=minbase), from this machine's apt mirror
#   localhost/eclipse-temurin:25-jdk that, plus this machine's Temurin 25 JDK at /opt/java/openjdk (K6J_JAVA_HOME,
#                                    JAVA_HOME or /usr/lib/jvm/temurin-25-jdk-*)
# and kept: a second build reuses them (delete them with `buildah rmi` to remake them). Then `buildah bud` runs the
# Dockerfile as is, with the build's network on the host (Maven Central, the npm registry and Debian's packages are
# reached from there), and with the local Maven repository mounted (MAVEN_REPO_DIR, default ~/.m2/repository, or the
# one -Dmaven.repo.local names in MAVEN_OPTS), so nothing already downloaded is downloaded again. The RUN steps use
# buildah's chroot isolation (BUILDAH_ISOLATION overrides it): it needs no OCI runtime, cgroups or rlimits of its
# own, so it also works inside CI containers and sandboxes where `podman run` can't make a container.
#
# Needs: root, buildah, podman (to import the base), debootstrap:   apt-get install buildah podman debootstrap
# Run the image:   podman run --rm localhost/k6j:dev version
set -euo pipefail

tag=${1:-localhost/k6j:dev}
root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
base_image=localhost/debian:bookworm-slim
jdk_image=localhost/eclipse-temurin:25-jdk

say() { echo "build-without-daemon: $*" >&2; }
die() { say "$*"; exit 1; }

[[ $(id -u) == 0 ]] || die "run as root (buildah and debootstrap need it here)"
for tool in buildah podman debootstrap; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing: apt-get install buildah podman debootstrap"
done

# The Debian mirror this machine's apt uses (deb822 sources first, then the one-line format).
debian_mirror() {
    local uri
    uri=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)
    [[ -n $uri ]] || uri=$(awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' /etc/apt/sources.list 2>/dev/null)
    [[ -n $uri ]] || die "no Debian mirror found in /etc/apt; set DEBIAN_MIRROR"
    printf '%s\n' "${uri%% *}"
}

# A Temurin 25 JDK on this machine.
find_jdk() {
    local candidate
    for candidate in "${K6J_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-*; do
        [[ -n $candidate && -x $candidate/bin/jlink ]] || continue
        grep -q '^JAVA_VERSION="25' "$candidate/release" 2>/dev/null || continue
        printf '%s\n' "$candidate"
        return 0
    done
    die "no Temurin 25 JDK found; set K6J_JAVA_HOME"
}

# The local Maven repository to mount into the build.
maven_repo() {
    local from_opts
    from_opts=$(sed -n 's/.*-Dmaven\.repo\.local=\([^ ]*\).*/\1/p' <<<"${MAVEN_OPTS:-}")
    printf '%s\n' "${MAVEN_REPO_DIR:-${from_opts:-$HOME/.m2/repository}}"
}

image_exists() { buildah inspect --type image "$1" >/dev/null 2>&1; }

if ! image_exists "$base_image"; then
    mirror=${DEBIAN_MIRROR:-$(debian_mirror)}
    rootfs=$(mktemp -d /var/tmp/k6j-rootfs.XXXXXX)
    trap 'rm -rf "$rootfs"' EXIT
    say "making $base_image with debootstrap (a few minutes)"
    debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
        || { tail -n 20 "$rootfs.log" >&2; die "debootstrap failed (log: $rootfs.log)"; }
    rm -f "$rootfs.log"
    # As the official slim image: its apt sources, no package caches.
    printf 'deb %s bookworm main\ndeb %s bookworm-updates main\n' "$mirror" "$mirror" >"$rootfs/etc/apt/sources.list"
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -c . | podman import --change 'CMD ["bash"]' - "$base_image" >/dev/null
    rm -rf "$rootfs"
    trap - EXIT
fi

if ! image_exists "$jdk_image"; then
    jdk=$(find_jdk)
    say "making $jdk_image from $jdk"
    container=$(buildah from "$base_image")
    buildah copy --quiet "$container" "$jdk" /opt/java/openjdk >/dev/null
    # The certificate authorities this machine adds to Debian's (a TLS-inspecting proxy's, a company's) go into the
    # build image only, so that npm reaches its registry from there as it does from here.
    extra_cas=(/usr/local/share/ca-certificates/*.crt)
    if [[ -f ${extra_cas[0]} ]]; then
        bundle=$(mktemp)
        cat "${extra_cas[@]}" >"$bundle"
        buildah copy --quiet "$container" "$bundle" /usr/local/share/ca-certificates/build-host.crt >/dev/null
        rm -f "$bundle"
        buildah config --env NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/build-host.crt "$container"
    fi
    buildah config --env JAVA_HOME=/opt/java/openjdk \
        --env PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$container"
    buildah commit --quiet --rm "$container" "$jdk_image" >/dev/null
fi

repo=$(maven_repo)
mkdir -p "$repo"
say "buildah bud -t $tag (Maven repository $repo)"
cd "$root"
buildah bud --isolation "${BUILDAH_ISOLATION:-chroot}" --network host --pull=never --layers \
    --build-arg "BUILD_IMAGE=$jdk_image" --build-arg "BASE_IMAGE=$base_image" \
    --build-arg MAVEN_REPO=/m2 --volume "$repo:/m2" \
    -t "$tag" -f Dockerfile .
say "built $tag: podman run --rm $tag version"
