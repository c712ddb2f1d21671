package dev.overtalkerr.mqtt;

import dagger.BindsInstance;
import dagger.Module;
import dagger.Provides;
import dagger.Subcomponent;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.Settings.Mqtt.Protocol;

/**
 * Everything that lives as long as one broker connection: the connection itself and the channels
 * on it. A fallback from MQTT 5 to 3.1.1 builds a new one.
 */
@BrokerScope
@Subcomponent(modules = BrokerComponent.ConnectionModule.class)
public interface BrokerComponent {
  MqttConnection connection();

  AssistChannel assistChannel();

  /** The Home Assistant device: discovery and entity states. */
  dev.overtalkerr.mqtt.homeassistant.HomeAssistantDevice homeAssistant();

  /** The dashboard search of the Home Assistant device. */
  dev.overtalkerr.mqtt.homeassistant.Dashboard dashboard();

  /** Builds a broker component for one protocol version. */
  @Subcomponent.Factory
  interface Factory {
    BrokerComponent create(@BindsInstance Protocol protocol);
  }

  /** Provides the connection for the chosen protocol. */
  @Module
  interface ConnectionModule {
    @Provides
    @BrokerScope
    static MqttConnection connection(Settings settings, Protocol protocol) {
      return new MqttConnection(settings.mqtt(), protocol, true);
    }
  }
}
