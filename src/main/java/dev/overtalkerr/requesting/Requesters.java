package dev.overtalkerr.requesting;

import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.configuration.Settings;
import java.util.Objects;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Decides which backend user a request is filed as:
 *
 * <ol>
 *   <li>the first rule whose satellite is the satellite (or device) that heard it (and whose
 *       user, if set, is the person);
 *   <li>else the first rule without a satellite whose user is the person;
 *   <li>else the default user ({@code owner} or empty = the API key's owner);
 *   <li>else, when the default is {@code none}, nobody: the person is politely refused.
 * </ol>
 *
 * A satellite rule wins over a person rule because a satellite stands in a known room while the
 * same phone or tablet may be used by several people.
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
      boolean placeMatches = rule.satellite() != null
          && (rule.satellite().equals(satelliteId) || rule.satellite().equals(deviceId));
      if (placeMatches && (rule.haUser() == null || rule.haUser().equals(userId))) {
        return Optional.of(requester(rule.backendUser(), rule.allow4k()));
      }
    }
    for (Settings.UserRule rule : users.rules()) {
      if (rule.satellite() == null && rule.haUser() != null && rule.haUser().equals(userId)) {
        return Optional.of(requester(rule.backendUser(), rule.allow4k()));
      }
    }
    String fallback = users.defaultUser();
    if (fallback != null && fallback.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    return Optional.of(requester(fallback == null || fallback.isBlank() ? OWNER : fallback, users.defaultAllow4k()));
  }

  private static Requester requester(String backendUser, boolean allow4k) {
    if (Objects.equals(backendUser.toLowerCase(java.util.Locale.ROOT), OWNER)) {
      return new Requester(null, "the API key owner", allow4k);
    }
    return new Requester(backendUser, "backend user " + backendUser, allow4k);
  }
}
