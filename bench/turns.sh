#!/usr/bin/env bash
# Turn latency and throughput through the whole daemon (real broker, demo catalogue): see
# src/test/java/dev/overtalkerr/bench/TurnBenchmark.java. Usage: bench/turns.sh [TURNS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile -Denforcer.skip
mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -DincludeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
java -DTEST_LOG_LEVEL=WARN -XX:+UseSerialGC -Xmx64m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.overtalkerr.bench.TurnBenchmark "${1:-600}"
