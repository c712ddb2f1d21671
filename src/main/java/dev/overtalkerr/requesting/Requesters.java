package dev.overtalkerr.requesting;

import dev.overtalkerr.configuration.HomeAssistantPeople;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendUser;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.Requester;
import java.io.IOException;
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
 *
 * <p>Home Assistant people may be given by user id, by person entity ({@code person.anna}) or by
 * name ("Anna"): when Home Assistant's people can be read ({@link HomeAssistantPeople}), each one
 * is mapped to the user id its logins carry, at the same time.
 */
@Singleton
public final class Requesters {
  /** The word for "the API key's owner" in settings. */
  public static final String OWNER = "owner";
  private static final String NOBODY = "none";
  private static final Logger log = LoggerFactory.getLogger(Requesters.class);

  private final Settings.Users users;
  private final MediaBackend backend;
  private final Optional<HomeAssistantPeople> people;
  /** Configured value (lower case) to the backend user it names; empty until resolved. */
  private volatile Map<String, BackendUser> resolved = Map.of();
  /** Configured ha_user (lower case) to the Home Assistant user id it names; empty until resolved. */
  private volatile Map<String, String> haUsers = Map.of();
  private volatile boolean namesResolved;
  private volatile boolean peopleResolved;

  @Inject
  public Requesters(Settings settings, MediaBackend backend, Optional<HomeAssistantPeople> people) {
    this.users = settings.users();
    this.backend = backend;
    this.people = people;
  }

  public Requesters(Settings settings, MediaBackend backend) {
    this(settings, backend, Optional.empty());
  }

  /** Without a backend: every configured user is taken as an id. */
  public Requesters(Settings settings) {
    this(settings, null, Optional.empty());
  }

  /** The backend user for this person and place, or empty when unmapped and no default is set. */
  public Optional<Requester> resolve(String userId, String satelliteId, String deviceId) {
    for (Settings.UserRule rule : users.rules()) {
      boolean placeMatches = rule.satellite() != null
          && (rule.satellite().equals(satelliteId) || rule.satellite().equals(deviceId));
      if (placeMatches && (rule.haUser() == null || isPerson(rule.haUser(), userId))) {
        return Optional.of(requester(rule.backendUser(), rule.allow4k()));
      }
    }
    for (Settings.UserRule rule : users.rules()) {
      if (rule.satellite() == null && rule.haUser() != null && isPerson(rule.haUser(), userId)) {
        return Optional.of(requester(rule.backendUser(), rule.allow4k()));
      }
    }
    String fallback = users.defaultUser();
    if (fallback != null && fallback.equalsIgnoreCase(NOBODY)) {
      return Optional.empty();
    }
    return Optional.of(requester(fallback == null || fallback.isBlank() ? OWNER : fallback, users.defaultAllow4k()));
  }

  /** The configured Home Assistant user is this user id: as written, or the person it names. */
  private boolean isPerson(String configured, String userId) {
    return userId != null && (configured.equals(userId) || userId.equals(haUsers.get(configured.toLowerCase(Locale.ROOT))));
  }

  /** Whether every configured backend user and Home Assistant person has been looked up (or none needs it). */
  public boolean namesResolved() {
    return (namesResolved || configuredUsers().isEmpty() || backend == null)
        && (peopleResolved || configuredPeople().isEmpty() || people.isEmpty());
  }

  /**
   * Looks up both: backend users in the backend's user list and Home Assistant people in Home
   * Assistant. Each part is done once; a part that fails is tried again on the next call.
   *
   * @throws BackendException when the backend's user list cannot be read
   * @throws IOException when Home Assistant's people cannot be read
   */
  public void resolveAll() throws BackendException, IOException {
    IOException peopleFailure = null;
    try {
      resolvePeople();
    } catch (IOException e) {
      peopleFailure = e;
    }
    resolveNames();
    if (peopleFailure != null) {
      throw peopleFailure;
    }
  }

  /**
   * Maps every configured Home Assistant person that is not a user id (a person entity such as
   * {@code person.anna}, or a name) to the user id of that person, and logs it by name.
   */
  public synchronized void resolvePeople() throws IOException {
    Set<String> configured = configuredPeople();
    if (people.isEmpty() || configured.isEmpty() || peopleResolved) {
      return;
    }
    List<HomeAssistantPeople.Person> everyone = people.get().people();
    Map<String, String> result = new LinkedHashMap<>();
    for (String value : configured) {
      List<HomeAssistantPeople.Person> matches = everyone.stream()
          .filter(p -> value.equalsIgnoreCase(p.entityId()) || value.equalsIgnoreCase(p.name())
              || ("person." + value).equalsIgnoreCase(p.entityId()))
          .toList();
      if (matches.size() == 1 && matches.get(0).userId() != null) {
        result.put(value.toLowerCase(Locale.ROOT), matches.get(0).userId());
        log.info("Home Assistant person \"{}\" in the settings is {} ({})", value, matches.get(0).name(), matches.get(0).entityId());
      } else if (matches.size() == 1) {
        log.warn("Home Assistant person \"{}\" has no user account, so nothing they say is known to be theirs;"
            + " map their satellite instead", value);
      } else if (matches.isEmpty()) {
        log.warn("No Home Assistant person is called \"{}\". People: {}", value,
            String.join(", ", everyone.stream().map(HomeAssistantPeople.Person::name).toList()));
      } else {
        log.warn("Home Assistant person \"{}\" matches {} people; give the person entity instead", value, matches.size());
      }
    }
    haUsers = Map.copyOf(result);
    peopleResolved = true;
  }

  /** The configured Home Assistant users that are names or person entities rather than user ids. */
  private Set<String> configuredPeople() {
    Set<String> values = new LinkedHashSet<>();
    for (Settings.UserRule rule : users.rules()) {
      if (rule.haUser() != null && !HomeAssistantPeople.isUserId(rule.haUser())) {
        values.add(rule.haUser());
      }
    }
    return values;
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
