package dev.overtalkerr.requesting;

import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendUser;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.Requester;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>Backend users may be given by id (Seerr: a number; Ombi: the user name), by the name the
 * backend shows, or by e-mail address. {@link #resolveNames()} reads the backend's user list once
 * (at start, and again until it succeeds) and maps every configured user to its id; it logs each
 * mapping by display name only. Until then a value is used as it was written.
 */
@Singleton
public final class Requesters {
  /** The word for "the API key's owner" in settings. */
  public static final String OWNER = "owner";
  private static final String NOBODY = "none";
  private static final Logger log = LoggerFactory.getLogger(Requesters.class);

  private final Settings.Users users;
  private final MediaBackend backend;
  /** Configured value (lower case) to the backend user it names; empty until resolved. */
  private volatile Map<String, BackendUser> resolved = Map.of();
  private volatile boolean namesResolved;

  @Inject
  public Requesters(Settings settings, MediaBackend backend) {
    this.users = settings.users();
    this.backend = backend;
  }

  /** Without a backend: every configured user is taken as an id. */
  public Requesters(Settings settings) {
    this(settings, null);
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
    if (fallback != null && fallback.equalsIgnoreCase(NOBODY)) {
      return Optional.empty();
    }
    return Optional.of(requester(fallback == null || fallback.isBlank() ? OWNER : fallback, users.defaultAllow4k()));
  }

  /** Whether every configured backend user has been looked up (or none needs it). */
  public boolean namesResolved() {
    return namesResolved || configuredUsers().isEmpty() || backend == null;
  }

  /**
   * Looks every configured backend user up in the backend's user list, by id, then by display name
   * or e-mail (ignoring case), and logs what each one is. A value that matches nobody, or several
   * people, stays as written and is logged as a warning.
   *
   * @throws BackendException when the user list cannot be read (try again later)
   */
  public synchronized void resolveNames() throws BackendException {
    Set<String> configured = configuredUsers();
    if (backend == null || configured.isEmpty() || namesResolved) {
      return;
    }
    List<BackendUser> list = backend.users();
    Map<String, BackendUser> result = new LinkedHashMap<>();
    for (String value : configured) {
      List<BackendUser> matches = matches(value, list);
      if (matches.size() == 1) {
        BackendUser user = matches.get(0);
        result.put(value.toLowerCase(Locale.ROOT), user);
        log.info("Backend user \"{}\" in the settings is {} on the backend", value, nameOf(user));
      } else if (matches.isEmpty()) {
        log.warn("No backend user is called \"{}\" (by id, name or e-mail); requests mapped to it will be refused by the backend."
            + " Backend users: {}", value, String.join(", ", list.stream().map(Requesters::nameOf).toList()));
      } else {
        log.warn("Backend user \"{}\" in the settings matches {} people ({}); give the id instead", value, matches.size(),
            String.join(", ", matches.stream().map(Requesters::nameOf).toList()));
      }
    }
    resolved = Map.copyOf(result);
    namesResolved = true;
  }

  /** Id first (exact), then display name or e-mail, ignoring case. */
  private static List<BackendUser> matches(String value, List<BackendUser> list) {
    List<BackendUser> byId = list.stream().filter(u -> value.equals(u.id())).toList();
    if (!byId.isEmpty()) {
      return byId;
    }
    List<BackendUser> byName = new ArrayList<>();
    for (BackendUser u : list) {
      if (value.equalsIgnoreCase(u.displayName()) || value.equalsIgnoreCase(u.email()) || value.equalsIgnoreCase(u.id())) {
        byName.add(u);
      }
    }
    return byName;
  }

  private static String nameOf(BackendUser user) {
    return user.displayName() != null && !user.displayName().isBlank() ? "\"" + user.displayName() + "\"" : "user " + user.id();
  }

  /** The backend users the settings name, other than owner and none. */
  private Set<String> configuredUsers() {
    Set<String> values = new LinkedHashSet<>();
    for (Settings.UserRule rule : users.rules()) {
      values.add(rule.backendUser());
    }
    if (users.defaultUser() != null) {
      values.add(users.defaultUser());
    }
    values.removeIf(v -> v == null || v.isBlank() || v.equalsIgnoreCase(OWNER) || v.equalsIgnoreCase(NOBODY));
    return values;
  }

  private Requester requester(String backendUser, boolean allow4k) {
    if (backendUser.equalsIgnoreCase(OWNER)) {
      return new Requester(null, "the API key owner", allow4k);
    }
    BackendUser user = resolved.get(backendUser.toLowerCase(Locale.ROOT));
    if (user != null) {
      String name = user.displayName() != null && !user.displayName().isBlank() ? user.displayName() : user.id();
      return new Requester(user.id(), "backend user " + name, allow4k);
    }
    return new Requester(backendUser, "backend user " + backendUser, allow4k);
  }
}
