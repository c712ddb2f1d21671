package dev.overtalkerr.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A small MQTT 3.1.1 broker inside the daemon (Moquette), for {@code --demo}: bound to 127.0.0.1
 * only, anonymous, nothing kept on disk, no telemetry.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private final Server server = new Server();
  private final int port;
  private final Path dataDir;

  private EmbeddedBroker(int port, Path dataDir) {
    this.port = port;
    this.dataDir = dataDir;
  }

  /** Starts on {@code preferredPort} when it is free, else on another free loopback port. */
  public static EmbeddedBroker start(int preferredPort) {
    int port = isFree(preferredPort) ? preferredPort : freePort();
    try {
      Path dir = Files.createTempDirectory("overtalkerr-broker");
      Properties p = new Properties();
      p.setProperty("host", "127.0.0.1");
      p.setProperty("port", Integer.toString(port));
      p.setProperty("websocket_port", "disabled");
      p.setProperty("allow_anonymous", "true");
      p.setProperty("allow_zero_byte_client_id", "true");
      p.setProperty("persistence_enabled", "false");
      p.setProperty("telemetry_enabled", "false");
      p.setProperty("netty.mqtt.message_size", Integer.toString(256 * 1024));
      p.setProperty("data_path", dir.toString());
      EmbeddedBroker broker = new EmbeddedBroker(port, dir);
      broker.server.startServer(new MemoryConfig(p));
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded MQTT broker on port " + port, e);
    }
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.stopServer();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory; the OS cleans it up eventually
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
