#!/usr/bin/env bash
# Measures the shipped jar: its size, the time from exec to "Connected" (the daemon is online on
# the broker) and the resident memory 3 s after that, over RUNS runs (default 5), with the JVM
# flags given in JAVA_OPTS (default: the ones the app uses). Prints one line per run and the
# medians. Needs a built jar (mvn -B -q package -DskipTests) and /usr/sbin/mosquitto; it starts
# its own Mosquitto on a free loopback port.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/overtalkerr.jar
RUNS=${RUNS:-5}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xms8m -Xmx64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1}
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
[ -x /usr/sbin/mosquitto ] || { echo "needs /usr/sbin/mosquitto (apt-get install mosquitto)" >&2; exit 2; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nset_tcp_nodelay true\n' "$port" > "$work/m.conf"
/usr/sbin/mosquitto -c "$work/m.conf" >/dev/null 2>&1 & mpid=$!
trap 'kill $mpid 2>/dev/null; rm -rf "$work"' EXIT
sleep 0.3

echo "jar: $(stat -c %s "$JAR") bytes ($(du -h "$JAR" | cut -f1))"
echo "java: $(java -version 2>&1 | head -1); JAVA_OPTS: $JAVA_OPTS"
times=(); rss=()
for i in $(seq 1 "$RUNS"); do
  log="$work/run$i.log"
  start=$(date +%s%N)
  MOCK_BACKEND=true MQTT_URL="mqtt://127.0.0.1:$port" OVERTALKERR_DATA_DIR="$work/data$i" \
    java $JAVA_OPTS -jar "$JAR" >"$log" 2>&1 & pid=$!
  until grep -q "Connected to" "$log" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.005
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  sleep 3
  kb=$(ps -o rss= -p $pid | tr -d ' ')
  kill $pid; wait $pid 2>/dev/null || true
  echo "run $i: online after ${ms} ms, idle RSS $((kb / 1024)) MiB"
  times+=("$ms"); rss+=("$kb")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: online after $(median "${times[@]}") ms, idle RSS $(( $(median "${rss[@]}") / 1024 )) MiB"
