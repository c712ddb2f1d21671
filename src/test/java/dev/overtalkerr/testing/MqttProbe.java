package dev.overtalkerr.testing;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What Home Assistant does on the broker, for tests: publish requests, subscribe to topics and
 * collect what arrives (with the retain flag and the MQTT 5 message expiry).
 */
public final class MqttProbe implements AutoCloseable {
  /** A received message, with the QoS it was delivered at (at most the subscription's, QoS 1). */
  public record Received(String topic, String payload, boolean retained, OptionalLong expiry, int qos) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final Mqtt5BlockingClient v5;
  private final Mqtt3BlockingClient v3;

  private MqttProbe(Mqtt5BlockingClient v5, Mqtt3BlockingClient v3) {
    this.v5 = v5;
    this.v3 = v3;
  }

  /** Connects with MQTT 5 to Mosquitto, or 3.1.1 to Moquette. */
  public static MqttProbe connect(TestBroker broker) {
    String id = "probe-" + UUID.randomUUID().toString().substring(0, 8);
    if (broker.isMosquitto()) {
      Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(id).serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking();
      c.connect();
      MqttProbe p = new MqttProbe(c, null);
      c.toAsync().publishes(MqttGlobalPublishFilter.ALL, m -> p.received.add(new Received(m.getTopic().toString(),
          new String(m.getPayloadAsBytes(), StandardCharsets.UTF_8), m.isRetain(), m.getMessageExpiryInterval(), m.getQos().getCode())));
      return p;
    }
    Mqtt3BlockingClient c = Mqtt3Client.builder().identifier(id).serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking();
    c.connect();
    MqttProbe p = new MqttProbe(null, c);
    c.toAsync().publishes(MqttGlobalPublishFilter.ALL, m -> p.received.add(new Received(m.getTopic().toString(),
        new String(m.getPayloadAsBytes(), StandardCharsets.UTF_8), m.isRetain(), OptionalLong.empty(), m.getQos().getCode())));
    return p;
  }

  public void subscribe(String filter) {
    if (v5 != null) {
      v5.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
    } else {
      v3.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
    }
  }

  public void publish(String topic, String payload) {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  public void publish(String topic, byte[] payload) {
    if (v5 != null) {
      v5.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).send();
    } else {
      v3.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).send();
    }
  }

  /** Publishes a retained message (QoS 1). */
  public void publishRetained(String topic, byte[] payload) {
    if (v5 != null) {
      v5.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(true).send();
    } else {
      v3.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(true).send();
    }
  }

  /** The next message on any subscribed topic, or null after {@code timeout}. */
  public Received poll(Duration timeout) throws InterruptedException {
    return received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The next message on {@code topic} (others are dropped), or null after {@code timeout}. */
  public Received next(String topic, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Received r = received.poll(left, TimeUnit.NANOSECONDS);
      if (r == null) {
        return null;
      }
      if (r.topic().equals(topic)) {
        return r;
      }
    }
  }

  /** Every message that arrives within {@code window}, on any topic. */
  public java.util.List<Received> drain(Duration window) throws InterruptedException {
    java.util.List<Received> all = new java.util.ArrayList<>();
    long end = System.nanoTime() + window.toNanos();
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return all;
      }
      Received r = received.poll(left, TimeUnit.NANOSECONDS);
      if (r != null) {
        all.add(r);
      }
    }
  }

  @Override
  public void close() {
    try {
      if (v5 != null) {
        v5.disconnect();
      } else {
        v3.disconnect();
      }
    } catch (RuntimeException ignored) {
      // already gone
    }
  }
}
