# The k6j container image: a runner image for Grafana's k6-operator, and `docker run` of k6 scripts.
#
#   docker build -t k6j .                     # from the repository's root, nothing built before
#   docker run --rm -v "$PWD:/scripts" k6j run /scripts/examples/hello.js
#
# What is inside (docs/distributed.md, "The image"): a Temurin 25 runtime made with jlink (/opt/java), the default
# k6j distribution (/opt/k6j: k6j.jar, lib/, the launcher), `k6` and `k6j` on PATH (both run k6j), a POSIX shell,
# a writable /tmp, the user k6 (uid 12345, as grafana/k6's image), port 6565 for the REST API, and the plugins
# folder /opt/k6j/plugins, where a derived image copies extension jars or a volume is mounted.
#
# Without a Docker daemon: deploy/docker/build-without-daemon.sh builds this same file with buildah.

# A JDK 25 to build with; Temurin's, so that the optimizing JavaScript runtime's Graal compiler matches it.
ARG BUILD_IMAGE=eclipse-temurin:25-jdk
# What the image runs on: any glibc Linux with a POSIX shell and bash (the launcher is a bash script).
ARG BASE_IMAGE=debian:bookworm-slim

FROM ${BUILD_IMAGE} AS build
# Maven builds k6j; node and npm build the web dashboard's page.
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends maven nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# The Maven repository lives in a build cache (BuildKit, buildah); MAVEN_REPO moves it, for example to a mounted one.
ARG MAVEN_REPO=/root/.m2/repository
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -ntp -Dstyle.color=never -Dmaven.repo.local="${MAVEN_REPO}" -DskipTests package -pl distribution -am
# The runtime: Java SE, plus what GraalJS (jdk.unsupported, JVMCI and the Graal compiler module the optimizing
# runtime upgrades), the REST API (jdk.httpserver), the outputs (crypto, Kerberos, DNS) and diagnostics (JFR, jcmd)
# need. deploy/docker/java-modules lists them; the launcher reads the runtime's `release` file. (/opt/java of the
# JDK image holds the JDK itself, hence another folder here; --strip-debug would want binutils' objcopy.)
RUN jlink --add-modules "$(grep -v '^#' deploy/docker/java-modules | paste -sd, -)" \
          --strip-java-debug-attributes --no-man-pages --no-header-files --output /opt/k6j-java \
 && mkdir -p /opt/k6j/plugins \
 && cp -r distribution/target/k6j.jar distribution/target/lib distribution/target/k6j /opt/k6j/

FROM ${BASE_IMAGE}
COPY --from=build /opt/k6j-java /opt/java
COPY --from=build /opt/k6j /opt/k6j
# `k6` is k6j: the k6-operator execs `k6` from PATH in its initializer and runner containers.
RUN ln -s /opt/k6j/k6j /usr/local/bin/k6j \
 && ln -s /opt/k6j/k6j /usr/local/bin/k6 \
 && groupadd --gid 12345 k6 \
 && useradd --uid 12345 --gid 12345 --create-home --home-dir /home/k6 --shell /bin/sh k6 \
 && chmod 1777 /tmp
# K6J_JAVA_OPTS: the heap may take three quarters of the container's memory (the JVM's default is a quarter), and
# G1 even on one CPU, where the JVM would pick the serial collector and its longer pauses: the REST API must answer
# the operator's probes within a second. A K6J_JAVA_OPTS of your own replaces this one.
# LANG: Java writes stdout and stderr in the locale's encoding; k6 writes UTF-8 (the summary's ✓ and ✗).
ENV K6J_JAVA_HOME=/opt/java \
    LANG=C.UTF-8 \
    K6J_JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseG1GC" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LABEL org.opencontainers.image.title="k6j" \
      org.opencontainers.image.description="k6 test scripts on the JVM; a runner image for the k6-operator"
USER 12345:12345
WORKDIR /home/k6
EXPOSE 6565
ENTRYPOINT ["k6"]
