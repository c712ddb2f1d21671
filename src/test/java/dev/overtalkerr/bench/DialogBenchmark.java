package dev.overtalkerr.bench;

import dev.overtalkerr.DaggerAppComponent;
import dev.overtalkerr.backend.DemoCatalogue;
import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.conversation.Turn;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation alone, without MQTT or HTTP: understanding, a demo-catalogue search, ranking
 * and the reply, on the calling thread, three rounds of N turns. Run with {@code bench/dialog.sh
 * [N]}; a measurement, not a test.
 */
public final class DialogBenchmark {
  private DialogBenchmark() {}

  public static void main(String[] args) throws Exception {
    var dir = Files.createTempDirectory("dialog-bench");
    var settings = new SettingsLoader(Map.of("MOCK_BACKEND", "true", "OVERTALKERR_DATA_DIR", dir.toString()))
        .load(Optional.empty(), Optional.empty(), true);
    var app = DaggerAppComponent.factory().create(settings, Clock.systemDefaultZone(), Optional.of(new DemoCatalogue(Clock.systemDefaultZone())));
    var dialog = app.dialog();
    String[] u = {"download dune", "get the office", "season two of severance", "download the lion king from 1994",
        "I want to watch breaking bad", "could you add money heist to the list", "download 1917", "get oceans eight",
        "the latest season of the bear", "download intersteller", "download blade runner 2049", "find the matrix"};
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        dialog.handle(new Turn(u[i % u.length], null, null, null, "en", null, null, null, "c" + round + "-" + i));
      }
      System.out.printf("%d turns: %.3f ms each%n", n, (System.nanoTime() - t0) / 1e6 / n);
    }
    System.exit(0);
  }
}
