#!/usr/bin/env bash
# The conversation alone (no MQTT, no HTTP), with the daemon's JIT setting (C1 only): see
# src/test/java/dev/overtalkerr/bench/DialogBenchmark.java. Usage: bench/dialog.sh [TURNS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile -Denforcer.skip
mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -DincludeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
java -DTEST_LOG_LEVEL=WARN -XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1 -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.overtalkerr.bench.DialogBenchmark "${1:-3000}"
