package dev.overtalkerr.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Home Assistant's people, so that the user mapping may name a person ({@code person.anna}) or
 * their name ("Anna") instead of a Home Assistant user id. Read from Home Assistant's REST API
 * ({@code GET /api/states}, the {@code person.*} entities and their {@code user_id} attribute):
 * inside the app through the Supervisor's proxy ({@code http://supervisor/core}, with the
 * {@code SUPERVISOR_TOKEN} the Supervisor gives apps that set {@code homeassistant_api}),
 * elsewhere from {@code HA_URL} and a long-lived token in {@code HA_TOKEN}. The token is only
 * ever sent to that address and never logged.
 */
public final class HomeAssistantPeople {
  /** A Home Assistant person: entity id, name, and the user id their logins carry (null if none). */
  public record Person(String entityId, String name, String userId) {}

  private final HttpUrl base;
  private final Secret token;
  private final OkHttpClient http;
  private final ObjectMapper json;

  public HomeAssistantPeople(HttpUrl base, Secret token, OkHttpClient http, ObjectMapper json) {
    this.base = base;
    this.token = token;
    this.http = http.newBuilder().callTimeout(Duration.ofSeconds(10)).followRedirects(false).build();
    this.json = json;
  }

  /** The people source the environment offers: the app's Supervisor proxy, HA_URL + HA_TOKEN, or none. */
  public static Optional<HomeAssistantPeople> fromEnvironment(Map<String, String> env, OkHttpClient http, ObjectMapper json) {
    String supervisor = env.get("SUPERVISOR_TOKEN");
    if (supervisor != null && !supervisor.isBlank()) {
      return Optional.of(new HomeAssistantPeople(HttpUrl.get("http://supervisor/core/"), Secret.of(supervisor.trim()), http, json));
    }
    String url = env.get("HA_URL");
    String token = env.get("HA_TOKEN");
    if (url != null && !url.isBlank() && token != null && !token.isBlank()) {
      HttpUrl parsed = HttpUrl.parse(url.trim().endsWith("/") ? url.trim() : url.trim() + "/");
      if (parsed != null) {
        return Optional.of(new HomeAssistantPeople(parsed, Secret.of(token.trim()), http, json));
      }
    }
    return Optional.empty();
  }

  /** Every person Home Assistant knows. */
  public List<Person> people() throws IOException {
    HttpUrl url = base.newBuilder().addPathSegments("api/states").build();
    Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token.reveal())
        .header("Accept", "application/json").get().build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("Home Assistant answered " + response.code() + " to " + url.encodedPath()
            + (response.code() == 401 || response.code() == 403 ? " (the token was refused)" : ""));
      }
      JsonNode states = json.readTree(response.body().byteStream());
      List<Person> people = new ArrayList<>();
      for (JsonNode state : states) {
        String entityId = state.path("entity_id").asText("");
        if (entityId.startsWith("person.")) {
          JsonNode attributes = state.path("attributes");
          String userId = attributes.path("user_id").isTextual() ? attributes.path("user_id").asText() : null;
          people.add(new Person(entityId, attributes.path("friendly_name").asText(entityId), userId));
        }
      }
      return people;
    }
  }

  /** Whether a configured {@code ha_user} is a Home Assistant user id (32 hex digits) rather than a name. */
  public static boolean isUserId(String value) {
    return value != null && value.toLowerCase(Locale.ROOT).matches("[0-9a-f]{32}");
  }
}
