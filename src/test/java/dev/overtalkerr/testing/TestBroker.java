package dev.overtalkerr.testing;

import dev.overtalkerr.mqtt.EmbeddedBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real MQTT broker for tests: Mosquitto (from Debian's package) started as a child process on a
 * free loopback port when {@code /usr/sbin/mosquitto} exists, else the embedded Moquette broker
 * (MQTT 3.1.1 only). Which one runs is printed, so a run never silently tests less.
 */
public final class TestBroker implements AutoCloseable {
  public static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
  private final int port;
  private final Path dir;
  private final String extraConfig;
  private Process mosquitto;
  private EmbeddedBroker moquette;

  private TestBroker(int port, Path dir, String extraConfig) {
    this.port = port;
    this.dir = dir;
    this.extraConfig = extraConfig;
  }

  public static boolean mosquittoAvailable() {
    return Files.isExecutable(MOSQUITTO);
  }

  /** Mosquitto if installed, else Moquette. */
  public static TestBroker start() {
    return mosquittoAvailable() ? mosquitto("") : moquette();
  }

  /** Mosquitto with extra configuration lines (e.g. a password file); requires Mosquitto. */
  public static TestBroker mosquitto(String extraConfig) {
    try {
      TestBroker b = new TestBroker(freePort(), Files.createTempDirectory("mosquitto"), extraConfig);
      b.startMosquitto();
      System.err.println("[test broker] Mosquitto on 127.0.0.1:" + b.port);
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The embedded Moquette broker (MQTT 3.1.1 only). */
  public static TestBroker moquette() {
    TestBroker b = new TestBroker(freePort(), null, "");
    b.moquette = EmbeddedBroker.start(b.port);
    System.err.println("[test broker] Moquette (embedded, MQTT 3.1.1) on 127.0.0.1:" + b.port);
    return b;
  }

  public boolean isMosquitto() {
    return moquette == null;
  }

  public Path dir() {
    return dir;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "mqtt://127.0.0.1:" + port;
  }

  /** Stops the broker abruptly (clients see the connection drop). */
  public void stop() {
    if (mosquitto != null) {
      mosquitto.destroyForcibly();
      try {
        mosquitto.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      mosquitto = null;
    }
    if (moquette != null) {
      moquette.close();
      moquette = null;
    }
  }

  /** Starts it again on the same port, with nothing retained. */
  public void restart() {
    stop();
    if (dir != null) {
      startMosquitto();
    } else {
      moquette = EmbeddedBroker.start(port);
    }
  }

  private void startMosquitto() {
    try {
      Path conf = dir.resolve("mosquitto.conf");
      Files.writeString(conf, "listener " + port + " 127.0.0.1\n"
          + (extraConfig.contains("password_file") ? "allow_anonymous false\n" : "allow_anonymous true\n")
          + "persistence false\nlog_dest stdout\nset_tcp_nodelay true\n" + extraConfig);
      mosquitto = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
      while (Instant.now().isBefore(deadline)) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
          return;
        } catch (IOException notYet) {
          if (!mosquitto.isAlive()) {
            throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
          }
          Thread.sleep(10);
        }
      }
      throw new IllegalStateException("mosquitto did not listen on " + port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
