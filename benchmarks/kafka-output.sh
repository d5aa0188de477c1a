#!/usr/bin/env bash
# How fast the kafka output moves samples into a real broker (Kafka's KRaft test kit, in the same JVM).
#
#   benchmarks/kafka-output.sh            # 1,000,000 samples per format (json, influxdb), after a warm-up
#   BENCH_SAMPLES=200000 benchmarks/kafka-output.sh
#
# It builds outputs/kafka's test classes (offline), then runs dev.k6j.output.kafka.KafkaOutputBenchmark, which adds
# the samples in batches of 1,000 as the engine's ingester does, calls stop() (which waits for every
# acknowledgement), and prints samples/s, the output's delivery report and what the topic holds. The broker shares
# the machine and the JVM with the producer. It prints numbers and never judges them.
set -uo pipefail

root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
# shellcheck source=bin/k6j-env.sh
source bin/k6j-env.sh
k6j_require_jdk
k6j_require_maven
k6j_maven_env

samples=${BENCH_SAMPLES:-1000000}
dir=outputs/kafka/target
log=$dir/benchmark-build.log
mkdir -p "$dir"

echo "bench: building outputs/kafka's test classes" >&2
if ! mvn -o -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$root/$dir/test-classpath.txt" -pl outputs/kafka -am >"$log" 2>&1 </dev/null; then
    echo "bench: the build failed; the end of $log:" >&2
    tail -n 30 "$log" >&2
    exit 1
fi
testkit=$(sed -n 's:.*<kafka-testkit.version>\(.*\)</kafka-testkit.version>.*:\1:p' pom.xml | head -n1)

"$K6J_JDK/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xmx2g -Dkafka.testkit.version="$testkit" \
    -cp "$dir/test-classes:$dir/classes:$(cat "$dir/test-classpath.txt")" \
    dev.k6j.output.kafka.KafkaOutputBenchmark "$samples"
