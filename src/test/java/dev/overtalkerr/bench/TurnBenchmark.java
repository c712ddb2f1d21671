package dev.overtalkerr.bench;

import dev.overtalkerr.backend.DemoCatalogue;
import dev.overtalkerr.testing.DaemonHarness;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.TestBroker;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * How fast a turn goes through the whole daemon: a request published on a real broker, parsed,
 * searched in the demo catalogue, ranked, answered on the reply topic. Run with {@code
 * bench/turns.sh}; it is a measurement, not a test (no assertions on time).
 */
public final class TurnBenchmark {
  private static final String[] UTTERANCES = {
    "download dune", "get the office", "season two of severance", "download the lion king from 1994",
    "I want to watch breaking bad", "could you add money heist to the list", "download 1917", "get oceans eight",
    "the latest season of the bear", "download intersteller", "download blade runner 2049", "find the matrix",
  };

  private TurnBenchmark() {}

  public static void main(String[] args) throws Exception {
    int turns = args.length > 0 ? Integer.parseInt(args[0]) : 600;
    int warmup = Math.min(200, turns / 3);
    try (TestBroker broker = TestBroker.start()) {
      var settings = DaemonHarness.settings(broker, "", Map.of("MQTT_BASE_TOPIC", "bench", "LOG_LEVEL", "warn"));
      try (DaemonHarness daemon = DaemonHarness.start(settings, new DemoCatalogue(Clock.systemDefaultZone()));
          MqttProbe ha = MqttProbe.connect(broker)) {
        ha.subscribe("bench/assist/reply/+");
        List<Long> micros = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < warmup + turns; i++) {
          String id = "b" + i;
          String text = UTTERANCES[i % UTTERANCES.length];
          long t0 = System.nanoTime();
          ha.publish("bench/assist/request", "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"conversation_id\":\"c" + i + "\"}");
          if (ha.next("bench/assist/reply/" + id, Duration.ofSeconds(10)) == null) {
            throw new IllegalStateException("no reply to " + id);
          }
          if (i >= warmup) {
            micros.add((System.nanoTime() - t0) / 1000);
          }
          if (i == warmup - 1) {
            started = System.nanoTime();
          }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Collections.sort(micros);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("broker: %s%n", broker.isMosquitto() ? "Mosquitto" : "Moquette (embedded)");
        System.out.printf("%d turns (after %d warm-up) in %.2f s: %.0f turns/s sequential%n", turns, warmup, seconds, turns / seconds);
        System.out.printf("publish-to-reply latency: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
            pct(micros, 50), pct(micros, 95), pct(micros, 99), micros.get(micros.size() - 1) / 1000.0);
        System.out.printf("heap in use after GC (daemon, broker client and test probe): %.1f MiB%n", heap / 1048576.0);
      }
    }
  }

  private static double pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
  }
}
