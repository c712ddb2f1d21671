package dev.overtalkerr.mqtt.homeassistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.conversation.DialogEngine;
import dev.overtalkerr.conversation.Reply;
import dev.overtalkerr.conversation.Turn;
import dev.overtalkerr.domain.TurnBudget;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.mqtt.BrokerScope;
import dev.overtalkerr.mqtt.MqttConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import javax.inject.Inject;
import javax.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard search: the Search text entity starts a dialog in a session of its own, the
 * Candidate sensor and the poster image show what is on offer, and the buttons answer it: Request
 * is "yes", Next is "next", Cancel is "cancel". It is the same dialog as by voice, so the same
 * duplicate checks, seasons and person mapping apply (as the default user: a dashboard has no
 * satellite).
 */
@BrokerScope
public final class Dashboard {
  private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
  /** The conversation id of the dashboard's own session. */
  public static final String SESSION = "home-assistant-dashboard";
  private static final int MAX_TEXT = 100;

  private final MqttConnection connection;
  private final HomeAssistantDevice device;
  private final DialogEngine dialog;
  private final ObjectMapper json;
  private final Settings settings;
  private final ExecutorService workers;
  private final Clock clock;

  @Inject
  public Dashboard(MqttConnection connection, HomeAssistantDevice device, DialogEngine dialog, ObjectMapper json,
      Settings settings, @Named("workers") ExecutorService workers, Clock clock) {
    this.connection = connection;
    this.device = device;
    this.dialog = dialog;
    this.json = json;
    this.settings = settings;
    this.workers = workers;
    this.clock = clock;
  }

  /** Listens to the text entity and the buttons (when discovery is on). */
  public void start() {
    if (!settings.homeAssistant().discovery()) {
      return;
    }
    Topics t = device.topics();
    connection.subscribe(t.searchSet(), m -> search(new String(m.payload(), StandardCharsets.UTF_8)));
    connection.subscribe(t.press("request"), m -> answer("confirm"));
    connection.subscribe(t.press("next"), m -> answer("next"));
    connection.subscribe(t.press("cancel"), m -> answer("cancel"));
    if (device.stateOf(t.candidate()) == null) {
      device.state(t.search(), new byte[0]);
      showNothing("");
    }
  }

  private void search(String text) {
    String query = text.strip();
    if (query.length() > MAX_TEXT) {
      query = query.substring(0, MAX_TEXT);
    }
    device.state(device.topics().search(), query.getBytes(StandardCharsets.UTF_8));
    if (query.isEmpty()) {
      return;
    }
    String title = query;
    // the typed text is a title, not a sentence: the slot keeps every word of it
    run(new Turn(null, "request", title, null, null, null, null, null, SESSION));
  }

  private void answer(String intent) {
    run(new Turn(null, intent, null, null, null, null, null, null, SESSION));
  }

  private void run(Turn turn) {
    try {
      workers.execute(() -> {
        try {
          TurnBudget budget = new TurnBudget(clock.instant().plus(settings.mqtt().replyDeadline()), () -> false, clock);
          show(dialog.handle(turn, budget));
        } catch (RuntimeException e) {
          log.warn("The dashboard search failed: {}", e.toString());
        }
      });
    } catch (RejectedExecutionException e) {
      log.info("Shutting down: not answering the dashboard");
    }
  }

  /** Shows a reply: the candidate, its poster, and what the dialog said. */
  void show(Reply reply) {
    MediaItem item = reply.candidate();
    if (item == null) {
      showNothing(reply.speech());
      return;
    }
    ObjectNode payload = json.createObjectNode();
    payload.put("state", Texts.state(item.year() == null ? item.title() : item.title() + " (" + item.year() + ")"));
    ObjectNode a = payload.putObject("attributes");
    a.put("speech", reply.speech());
    a.put("dialog_state", reply.state().wire());
    a.put("expect", reply.expect().wire());
    a.setAll(dev.overtalkerr.mqtt.Payloads.candidate(json, item));
    a.put("poster_url", Texts.posterUrl(item.posterPath()));
    if (reply.request() != null) {
      a.put("request_id", reply.request().id());
    }
    device.state(device.topics().candidate(), device.bytes(payload));
    String poster = Texts.posterUrl(item.posterPath());
    if (poster != null) {
      device.state(device.topics().poster(), poster.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void showNothing(String speech) {
    ObjectNode payload = json.createObjectNode();
    payload.put("state", "none");
    payload.putObject("attributes").put("speech", speech);
    device.state(device.topics().candidate(), device.bytes(payload));
  }
}
