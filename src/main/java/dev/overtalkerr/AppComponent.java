package dev.overtalkerr;

import dagger.BindsInstance;
import dagger.Component;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.conversation.DialogEngine;
import dev.overtalkerr.requesting.Requesters;
import dev.overtalkerr.understanding.UtteranceParser;
import dev.overtalkerr.mqtt.BrokerComponent;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import javax.inject.Named;
import javax.inject.Singleton;

/** The application: everything that lives as long as the process. */
@Singleton
@Component(modules = {AppModule.class, BackendModule.class})
public interface AppComponent {
  Settings settings();

  MediaBackend backend();

  DialogEngine dialog();

  Requesters requesters();

  UtteranceParser parser();

  BrokerComponent.Factory broker();

  /** Requests made through Overtalkerr, followed until available, declined or failed. */
  dev.overtalkerr.tracking.RequestTracker tracker();

  /** The optional receiver of Seerr's webhook. */
  dev.overtalkerr.tracking.SeerrWebhook webhook();

  @Named("workers")
  ExecutorService workers();

  ScheduledExecutorService scheduler();

  /** Builds the application from its settings. */
  @Component.Factory
  interface Factory {
    /**
     * @param settings every setting
     * @param clock the time source (tests pass a fixed one)
     * @param backendOverride a backend to use instead of the configured one (tests), or empty
     */
    AppComponent create(
        @BindsInstance Settings settings,
        @BindsInstance Clock clock,
        @BindsInstance Optional<MediaBackend> backendOverride);
  }

  static AppComponent create(Settings settings) {
    return DaggerAppComponent.factory().create(settings, Clock.systemDefaultZone(), Optional.empty());
  }
}
