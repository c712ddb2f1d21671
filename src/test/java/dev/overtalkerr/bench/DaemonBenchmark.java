package dev.overtalkerr.bench;

import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.testing.MqttProbe;
import dev.overtalkerr.testing.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon measured from outside: the built jar runs as its own process (the JVM and flags given
 * on the command line) against a real Mosquitto (tcp_nodelay on) and an HTTP Seerr fake answering
 * after a configurable latency. Prints start-to-online, idle RSS, sequential reply times and the
 * bridge overhead (reply time minus the time the fake spent answering that turn's calls: its
 * latency and its own work, such as checking each call against the spec),
 * backend calls per turn, 20 concurrent sessions on the slow backend, and N sessions on a fast one
 * with their throughput and loaded RSS. Run with {@code bench/daemon.sh}; a measurement, not a test.
 *
 * <p>Arguments: {@code <latency ms> <sequential turns> <fast sessions> -- <java command and flags...>}.
 */
public final class DaemonBenchmark {
  private static final String[] UTTERANCES = {"download fight club", "download the matrix", "get breaking bad",
      "download game of thrones", "I want to watch the matrix reloaded", "download fight club from 1999"};

  private static final int STARTS = 5;

  private DaemonBenchmark() {}

  public static void main(String[] args) throws Exception {
    long latency = Long.parseLong(args[0]);
    int turns = Integer.parseInt(args[1]);
    int fastSessions = Integer.parseInt(args[2]);
    List<String> command = new ArrayList<>(List.of(args).subList(4, args.length));
    try (TestBroker broker = TestBroker.mosquitto(""); FakeSeerr seerr = FakeSeerr.overseerr().withoutSpecChecks().start();
        MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe("bench/status");
      Path data = Files.createTempDirectory("bench-data");
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("daemon.log").toFile());
      pb.environment().putAll(java.util.Map.of("MEDIA_BACKEND_URL", seerr.url(), "MEDIA_BACKEND_API_KEY", FakeBackendServer.API_KEY,
          "MQTT_URL", broker.url(), "MQTT_BASE_TOPIC", "bench", "OVERTALKERR_DATA_DIR", data.toString(), "LOG_LEVEL", "warn"));
      prime(pb, ha, data);
      // start-to-online varies by ±80 ms from one start to the next here: the median of five
      List<Long> starts = new ArrayList<>();
      Process daemon = null;
      for (int i = 0; i < STARTS; i++) {
        long t0 = System.nanoTime();
        daemon = pb.start();
        MqttProbe.Received online = ha.next("bench/status", Duration.ofSeconds(30));
        if (online == null || !online.payload().equals("online")) {
          daemon.destroyForcibly();
          throw new IllegalStateException("the daemon did not come online: " + Files.readString(data.resolve("daemon.log")));
        }
        starts.add((System.nanoTime() - t0) / 1000);
        if (i < STARTS - 1) {
          daemon.destroy();
          daemon.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
          ha.next("bench/status", Duration.ofSeconds(10)); // its offline
          Thread.sleep(500);
        }
      }
      try {
        System.out.printf("command: %s%n", String.join(" ", command));
        System.out.printf("start-to-online: median %.0f ms of %d starts (%s ms)%n", pct(starts, 50), STARTS,
            starts.stream().map(us -> Long.toString(us / 1000)).collect(java.util.stream.Collectors.joining(", ")));
        Thread.sleep(3000);
        System.out.printf("idle RSS: %.1f MiB%n", rss(daemon.pid()));

        ha.subscribe("bench/assist/reply/+");
        seerr.delay(null, Duration.ofMillis(latency));
        transportBaseline(seerr, latency);
        long cpuBefore = cpuMillis(daemon.pid());
        List<Long> reply = new ArrayList<>();
        List<Long> overhead = new ArrayList<>();
        long calls = 0;
        int warmup = Math.min(100, turns / 3);
        for (int i = 0; i < warmup + turns; i++) {
          int before = seerr.calls().size();
          long served = seerr.servedNanos();
          long s = System.nanoTime();
          String id = "q" + i;
          ha.publish("bench/assist/request", "{\"id\":\"" + id + "\",\"text\":\"" + UTTERANCES[i % UTTERANCES.length]
              + "\",\"conversation_id\":\"c" + i + "\"}");
          if (ha.next("bench/assist/reply/" + id, Duration.ofSeconds(10)) == null) {
            throw new IllegalStateException("no reply to " + id);
          }
          long micros = (System.nanoTime() - s) / 1000;
          int made = seerr.calls().size() - before;
          if (i >= warmup) {
            reply.add(micros);
            overhead.add(micros - (seerr.servedNanos() - served) / 1000);
            calls += made;
          }
        }
        System.out.printf("sequential, %d ms backend, %d turns: reply p50 %.1f / p95 %.1f / p99 %.1f ms; overhead p50 %.2f / p99 %.2f ms;"
            + " backend calls per turn %.2f%n", latency, turns, pct(reply, 50), pct(reply, 95), pct(reply, 99), pct(overhead, 50),
            pct(overhead, 99), calls / (double) turns);
        long cpu = cpuMillis(daemon.pid());
        System.out.printf("daemon CPU per turn (sequential, warm-up included): %.2f ms%n", (cpu - cpuBefore) / (double) (warmup + turns));

        // a first round opens the HTTP connections 20 turns at once need (kept for later turns)
        concurrent(broker, 20, 2, "warm", latency, false);
        concurrent(broker, 20, 15, "slow", latency);
        seerr.delay(null, Duration.ZERO);
        cpu = cpuMillis(daemon.pid());
        concurrent(broker, fastSessions, 4, "fast", 0);
        System.out.printf("daemon CPU per turn (%d sessions): %.2f ms%n", fastSessions,
            (cpuMillis(daemon.pid()) - cpu) / (double) (fastSessions * 4));
        System.out.printf("loaded RSS: %.1f MiB%n", rss(daemon.pid()));
      } finally {
        daemon.destroy();
        daemon.waitFor();
      }
    }
  }

  /**
   * One start, a few turns and a clean stop before measuring, as on every machine after the first
   * start: the launcher writes its start-up archive (AppCDS, or JDK 25's AOT cache) at that stop,
   * with the classes this configuration uses, and the measured start reads it.
   */
  private static void prime(ProcessBuilder pb, MqttProbe ha, Path data) throws Exception {
    Process first = pb.start();
    MqttProbe.Received online = ha.next("bench/status", Duration.ofSeconds(60));
    if (online == null || !online.payload().equals("online")) {
      first.destroyForcibly();
      throw new IllegalStateException("the daemon did not come online: " + Files.readString(data.resolve("daemon.log")));
    }
    ha.subscribe("bench/assist/reply/+");
    for (int i = 0; i < UTTERANCES.length * 2; i++) {
      ha.publish("bench/assist/request", "{\"id\":\"p" + i + "\",\"text\":\"" + UTTERANCES[i % UTTERANCES.length]
          + "\",\"conversation_id\":\"p" + i + "\"}");
      ha.next("bench/assist/reply/p" + i, Duration.ofSeconds(10));
    }
    first.destroy();
    if (!first.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
      first.destroyForcibly();
    }
    ha.next("bench/status", Duration.ofSeconds(10)); // its offline
  }

  /** {@code sessions} clients at once, each sending {@code perSession} turns one after another. */
  private static void concurrent(TestBroker broker, int sessions, int perSession, String name, long latency) throws Exception {
    concurrent(broker, sessions, perSession, name, latency, true);
  }

  private static void concurrent(TestBroker broker, int sessions, int perSession, String name, long latency, boolean print)
      throws Exception {
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    ConcurrentHashMap<String, Long> sent = new ConcurrentHashMap<>();
    ConcurrentHashMap<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(sessions * perSession);
    try (MqttProbe ha = MqttProbe.connect(broker)) {
      ha.subscribe("bench/assist/reply/+");
      Thread reader = new Thread(() -> {
        try {
          while (done.getCount() > 0) {
            // each reply as it comes (a drain window would add up to its length to every reply)
            MqttProbe.Received r = ha.poll(Duration.ofMillis(20));
            if (r != null) {
              String id = r.topic().substring(r.topic().lastIndexOf('/') + 1);
              Long s = sent.remove(id);
              if (s != null && !r.payload().isEmpty()) {
                times.add((System.nanoTime() - s) / 1000);
                if (r.payload().contains("\"state\":\"error\"")) {
                  errors.incrementAndGet();
                }
                done.countDown();
                CountDownLatch w = waiting.remove(id);
                if (w != null) {
                  w.countDown();
                }
              }
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      reader.start();
      long start = System.nanoTime();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < sessions; c++) {
        int session = c;
        Thread t = new Thread(() -> {
          for (int i = 0; i < perSession; i++) {
            String id = name + session + "-" + i;
            CountDownLatch answered = new CountDownLatch(1);
            waiting.put(id, answered);
            sent.put(id, System.nanoTime());
            ha.publish("bench/assist/request", "{\"id\":\"" + id + "\",\"text\":\"" + UTTERANCES[(session + i) % UTTERANCES.length]
                + "\",\"satellite_id\":\"" + name + session + "\"}");
            try {
              answered.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              return;
            }
          }
        });
        clients.add(t);
        t.start();
      }
      for (Thread t : clients) {
        t.join();
      }
      done.await(30, java.util.concurrent.TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;
      reader.interrupt();
      if (!print) {
        return;
      }
      System.out.printf("%d sessions at once (%s backend, %d ms), %d turns each: reply p50 %.1f / p95 %.1f / p99 %.1f ms,"
          + " %.0f turns/s, %d error replies, %d unanswered%n", sessions, name, latency, perSession, pct(times, 50), pct(times, 95),
          pct(times, 99), times.size() / seconds, errors.get(), sessions * perSession - times.size());
    }
  }

  /**
   * The fake's HTTP by itself: one search at a time from a plain OkHttp client in this process,
   * minus the time the fake spent answering. What a call costs before the bridge does anything;
   * the bridge's overhead above includes it once per backend call.
   */
  private static void transportBaseline(FakeSeerr seerr, long latency) throws Exception {
    okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
    List<Long> extra = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      long served = seerr.servedNanos();
      long t0 = System.nanoTime();
      try (okhttp3.Response r = client.newCall(new okhttp3.Request.Builder()
          .url(seerr.url() + "api/v1/search?query=the%20matrix&page=1&language=en")
          .header("X-Api-Key", FakeBackendServer.API_KEY).build()).execute()) {
        r.body().string();
      }
      if (i >= 50) {
        extra.add((System.nanoTime() - t0 - (seerr.servedNanos() - served)) / 1000);
      }
    }
    System.out.printf("the fake's HTTP alone (a plain client, one call at a time, %d ms latency): p50 %.2f / p99 %.2f ms beyond"
        + " the fake's own time%n", latency, pct(extra, 50), pct(extra, 99));
  }

  /** The process's CPU time so far (user + system), from /proc (clock ticks of 10 ms). */
  private static long cpuMillis(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
  }

  private static double rss(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return -1;
  }

  private static double pct(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
  }
}
