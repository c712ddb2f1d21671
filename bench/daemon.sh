#!/usr/bin/env bash
# The daemon measured from outside, as issue 9 asks: the built jar as its own process, a real
# Mosquitto (tcp_nodelay) and an HTTP Seerr fake with LATENCY ms per answer. Builds nothing:
# needs `mvn -B -q package -DskipTests` (jar and test classes) run before. Runs on every JVM given in
# JAVAS (default: this machine's java 17 and the Temurin 25), with JAVA_OPTS (default: the flags
# the README uses). When bin/overtalkerr exists it is used instead of `java -jar`.
# Usage: bench/daemon.sh [LATENCY_MS=50] [TURNS=300] [FAST_SESSIONS=500]
set -euo pipefail
cd "$(dirname "$0")/.."
LATENCY=${1:-50}; TURNS=${2:-300}; FAST=${3:-500}
JAR=target/overtalkerr.jar
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xms8m -Xmx64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1}
JAVAS=${JAVAS:-"$(readlink -f "$(command -v java)" | sed 's:/bin/java$::') /usr/lib/jvm/temurin-25-jdk-amd64"}
[ -f "$JAR" ] && [ -d target/test-classes ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
# the test classpath: from Maven when it can resolve the plugin, else from the last test run's report
if [ ! -f target/bench.classpath ]; then
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -DincludeScope=test \
    -Dmdep.outputFile=target/bench.classpath >/dev/null 2>&1 \
  || sed -n 's/.*name="surefire.test.class.path" value="\([^"]*\)".*/\1/p' "$(ls target/surefire-reports/TEST-*.xml | head -1)" \
    > target/bench.classpath
fi
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
for home in $JAVAS; do
  [ -x "$home/bin/java" ] || { echo "skipping $home (no java)"; continue; }
  echo "== $("$home/bin/java" -version 2>&1 | head -1)"
  if [ -x bin/overtalkerr ]; then
    # the launcher keeps a start-up archive (AppCDS on 17-24, the AOT cache on 25+): the benchmark
    # starts and stops the daemon once before measuring, so that the archive is written with this
    # configuration's classes and the measured start is an everyday one, not the first
    cache="target/bench-cache/$(basename "$home")"
    rm -rf "$cache"
    mkdir -p "$cache"
    cmd=(env JAVA_HOME="$home" OVERTALKERR_CACHE_DIR="$PWD/$cache" bin/overtalkerr)
  else
    cmd=("$home/bin/java" $JAVA_OPTS -jar "$JAR")
  fi
  java -DTEST_LOG_LEVEL=WARN -cp "$CP" dev.overtalkerr.bench.DaemonBenchmark "$LATENCY" "$TURNS" "$FAST" -- "${cmd[@]}"
  [ -x bin/overtalkerr ] && echo "start-up archive: $(ls -s --block-size=M "$cache" 2>/dev/null | tail -n +2 | tr '\n' ' ')"
done
