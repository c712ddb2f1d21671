package dev.overtalkerr.dialog;

import dev.overtalkerr.backend.Requester;
import dev.overtalkerr.configuration.Settings;
import java.util.Objects;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Decides which backend user a request is filed as: the first mapping rule that matches the Home
 * Assistant user and/or satellite, else the default user ({@code owner} = the API key's owner),
 * else nobody (the person is politely refused).
 */
@Singleton
public final class Requesters {
  /** The word for "the API key's owner" in settings. */
  public static final String OWNER = "owner";
  private final Settings.Users users;

  @Inject
  public Requesters(Settings settings) {
    this.users = settings.users();
  }

  /** The backend user for this person and place, or empty when unmapped and no default is set. */
  public Optional<Requester> resolve(String userId, String satelliteId, String deviceId) {
    for (Settings.UserRule rule : users.rules()) {
      boolean userMatches = rule.haUser() == null || rule.haUser().equals(userId);
      boolean placeMatches = rule.satellite() == null
          || rule.satellite().equals(satelliteId) || rule.satellite().equals(deviceId);
      if (userMatches && placeMatches) {
        return Optional.of(requester(rule.backendUser(), rule.allow4k()));
      }
    }
    String fallback = users.defaultUser();
    if (fallback == null || fallback.isBlank() || fallback.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    return Optional.of(requester(fallback, users.defaultAllow4k()));
  }

  private static Requester requester(String backendUser, boolean allow4k) {
    if (Objects.equals(backendUser.toLowerCase(java.util.Locale.ROOT), OWNER)) {
      return new Requester(null, "the API key owner", allow4k);
    }
    return new Requester(backendUser, "backend user " + backendUser, allow4k);
  }
}
