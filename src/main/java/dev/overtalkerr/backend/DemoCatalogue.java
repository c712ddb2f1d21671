package dev.overtalkerr.backend;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.BackendUser;
import dev.overtalkerr.domain.Credits;
import dev.overtalkerr.domain.Genre;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.Season;
import dev.overtalkerr.domain.SeasonSelection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.domain.Titles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory media request manager for {@code --demo} and tests: about ninety real films and
 * series (remakes, same-name film/series pairs, number titles, non-English originals, sequels,
 * upcoming releases), in every availability state, behind the same {@link MediaBackend} interface
 * as the real clients.
 *
 * <p>The data lives in {@code /demo/catalogue.json}. Titles, years and most TMDB ids are real;
 * popularity and vote counts are rounded TMDB-like figures.
 *
 * <p><b>Search</b> works like a plain TMDB search and is deliberately not clever (the {@code
 * Ranker} is): case, accents and punctuation are ignored ("oceans 8" finds "Ocean's 8", "amelie"
 * finds "Amélie"), leading articles in the query are optional, and every other query word must
 * be a word, or the start of a word, of one of a title's names (title, original title,
 * alternative or German title). At most 20 results, the most popular first, with titles equal to
 * or starting with the query weighted up. Only when nothing matches at all does a light fuzzy
 * fallback allow one or two typos per word ("intersteller"), which TMDB would not do, so that the
 * demo stays pleasant. With language {@code de} the German title (where one is known) is the
 * title and the English one becomes an alternative.
 *
 * <p><b>Requests</b> are validated like Seerr: a film that is pending, processing or available is
 * {@link BackendError#ALREADY_REQUESTED}; a blocklisted title {@link BackendError#BLOCKLISTED};
 * a series request whose seasons are all requested or available already {@link
 * BackendError#NO_SEASONS_LEFT}; 4K without the requester's 4K right {@link
 * BackendError#PERMISSION_DENIED}. Otherwise a {@link RequestRecord} is kept (ids 1001, 1002...)
 * and the title changes state: requests by the owner (or the demo admin, user 1) are approved and
 * the media becomes PROCESSING; other users' requests await approval (media PENDING) unless the
 * catalogue was built with {@code nonOwnersNeedApproval = false}. Series statuses follow their
 * seasons (some available and others not gives PARTIALLY_AVAILABLE).
 *
 * <p>Thread-safe: every method holds one lock; items handed out are immutable snapshots.
 */
public final class DemoCatalogue implements MediaBackend {
  private static final String DATA = "/demo/catalogue.json";
  private static final int MAX_RESULTS = 20;
  private static final int FIRST_REQUEST_ID = 1001;
  private static final String ADMIN_ID = "1";
  private static final List<BackendUser> USERS = List.of(
      new BackendUser(ADMIN_ID, "admin", "admin@demo.invalid"),
      new BackendUser("2", "anna", "anna@demo.invalid"),
      new BackendUser("3", "ben", "ben@demo.invalid"));

  private final Clock clock;
  private final boolean nonOwnersNeedApproval;
  private final Object lock = new Object();
  private final Map<Key, Entry> titles = new LinkedHashMap<>();
  /** People by their normalised name, with the titles they are credited on. */
  private final Map<String, Credits> people = new LinkedHashMap<>();
  private final Deque<RequestRecord> requests = new ArrayDeque<>(); // newest first
  private int nextRequestId = FIRST_REQUEST_ID;

  /** The built-in catalogue; requests by users other than the owner and admin await approval. */
  public DemoCatalogue(Clock clock) {
    this(clock, true);
  }

  /**
   * The built-in catalogue.
   *
   * @param nonOwnersNeedApproval whether requests by users other than the owner (no backend user)
   *     and the demo admin (user "1") stay PENDING_APPROVAL instead of being approved at once
   */
  public DemoCatalogue(Clock clock, boolean nonOwnersNeedApproval) {
    this.clock = clock;
    this.nonOwnersNeedApproval = nonOwnersNeedApproval;
    JsonNode data = load();
    for (JsonNode t : data.get("titles")) {
      Entry e = entry(t);
      titles.put(new Key(e.item.type(), e.item.tmdbId()), e);
    }
    for (JsonNode p : data.path("people")) {
      people.put(Titles.normalize(p.get("name").asText()), person(p));
    }
    seedRequests();
  }

  @Override
  public BackendInfo info() {
    String version = DemoCatalogue.class.getPackage().getImplementationVersion();
    return new BackendInfo(BackendFlavour.DEMO, version == null ? "built-in" : version);
  }

  /** How many titles of a type the catalogue holds. */
  public int count(MediaType type) {
    synchronized (lock) {
      return (int) titles.keySet().stream().filter(k -> k.type == type).count();
    }
  }

  /** Every title, in catalogue order, as {@link #details} returns them (English titles). */
  public List<MediaItem> all() {
    synchronized (lock) {
      return titles.values().stream().map(e -> e.item).toList();
    }
  }

  @Override
  public List<MediaItem> search(String query, String language) {
    List<String> words = queryWords(query);
    if (words.isEmpty()) {
      return List.of();
    }
    synchronized (lock) {
      List<Hit> hits = find(words, false);
      if (hits.isEmpty()) {
        hits = find(words, true);
      }
      return hits.stream()
          .sorted(Comparator.comparingDouble(Hit::weight).reversed())
          .limit(MAX_RESULTS)
          .map(h -> localized(h.entry, language))
          .toList();
    }
  }

  /**
   * The catalogue's credits of a person: the whole name as spoken ("kyle maclachlan"), accents and
   * case aside, or the family name alone when only one person has it ("villeneuve").
   */
  @Override
  public Credits credits(String personName, String language) {
    String spoken = Titles.normalize(personName);
    if (spoken.isEmpty()) {
      return Credits.none(personName);
    }
    Credits exact = people.get(spoken);
    if (exact != null) {
      return exact;
    }
    List<Credits> byFamilyName = people.entrySet().stream()
        .filter(e -> e.getKey().endsWith(" " + spoken)).map(Map.Entry::getValue).toList();
    return byFamilyName.size() == 1 ? byFamilyName.get(0) : Credits.none(personName);
  }

  /** Search results are the catalogue entries themselves. */
  @Override
  public boolean searchGivesFilmStatus() {
    return true;
  }

  @Override
  public MediaItem details(MediaType type, int tmdbId, String language) throws BackendException {
    synchronized (lock) {
      return localized(entry(type, tmdbId), language);
    }
  }

  @Override
  public RequestRecord request(MediaRequest request, Requester requester) throws BackendException {
    synchronized (lock) {
      Entry entry = entry(request.type(), request.tmdbId());
      MediaItem item = entry.item;
      boolean fourK = request.is4k();
      if (fourK && !requester.allow4k()) {
        throw new BackendException(BackendError.PERMISSION_DENIED,
            "You do not have permission to make 4K " + (item.type() == MediaType.MOVIE ? "movie" : "series") + " requests.");
      }
      if (item.status() == Availability.BLOCKLISTED || item.status4k() == Availability.BLOCKLISTED) {
        throw new BackendException(BackendError.BLOCKLISTED, "This media is blocklisted.");
      }
      boolean approved = requester.isOwner() || ADMIN_ID.equals(requester.backendUserId()) || !nonOwnersNeedApproval;
      Availability newStatus = approved ? Availability.PROCESSING : Availability.PENDING;
      MediaItem changed;
      List<Integer> seasons;
      if (item.type() == MediaType.MOVIE) {
        if (item.status(fourK).isRequestedOrAvailable()) {
          throw new BackendException(BackendError.ALREADY_REQUESTED, "Request for this media already exists.");
        }
        seasons = List.of();
        changed = item.withDetails(fourK ? item.status() : newStatus, fourK ? newStatus : item.status4k(), item.seasons());
      } else {
        seasons = seasonsLeft(item, request.seasons(), fourK);
        if (seasons.isEmpty()) {
          throw new BackendException(BackendError.NO_SEASONS_LEFT, "No seasons available to request");
        }
        List<Season> updated = new ArrayList<>();
        for (Season s : item.seasons()) {
          if (seasons.contains(s.number())) {
            s = fourK ? new Season(s.number(), s.episodeCount(), s.airYear(), s.status(), newStatus)
                : new Season(s.number(), s.episodeCount(), s.airYear(), newStatus, s.status4k());
          }
          updated.add(s);
        }
        changed = item.withDetails(fourK ? item.status() : showStatus(updated, false),
            fourK ? showStatus(updated, true) : item.status4k(), updated);
      }
      titles.put(new Key(item.type(), item.tmdbId()), new Entry(changed, entry.germanTitle, entry.nameWords));
      RequestRecord record = new RequestRecord(Integer.toString(nextRequestId++), item.type(), item.tmdbId(),
          item.title(), approved ? RequestStatus.APPROVED : RequestStatus.PENDING_APPROVAL, changed.status(fourK),
          seasons, fourK, requester.isOwner() ? ADMIN_ID : requester.backendUserId(), clock.instant());
      requests.addFirst(record);
      return record;
    }
  }

  @Override
  public List<RequestRecord> requests(int limit) {
    synchronized (lock) {
      return requests.stream().limit(Math.max(0, limit)).toList();
    }
  }

  @Override
  public List<BackendUser> users() {
    return USERS;
  }

  // --- requests ----------------------------------------------------------------------------

  /** The asked-for regular seasons that are neither requested nor available (Seerr's rule). */
  private static List<Integer> seasonsLeft(MediaItem item, SeasonSelection selection, boolean fourK)
      throws BackendException {
    List<Season> regular = item.regularSeasons();
    List<Season> asked;
    if (selection.all()) {
      asked = regular;
    } else {
      asked = new ArrayList<>();
      for (int n : selection.numbers()) {
        Season season = regular.stream().filter(s -> s.number() == n).findFirst()
            .orElseThrow(() -> new BackendException(BackendError.NOT_FOUND,
                item.title() + " has no season " + n));
        asked.add(season);
      }
    }
    return asked.stream()
        .filter(s -> s.status(fourK) == Availability.UNKNOWN || s.status(fourK) == Availability.DELETED)
        .map(Season::number)
        .toList();
  }

  /**
   * A series' status from its regular seasons: all available is AVAILABLE, some available
   * PARTIALLY_AVAILABLE, else PROCESSING or PENDING when any season is, else UNKNOWN.
   */
  static Availability showStatus(List<Season> seasons, boolean fourK) {
    List<Availability> regular = seasons.stream().filter(s -> s.number() > 0).map(s -> s.status(fourK)).toList();
    if (regular.isEmpty()) {
      return Availability.UNKNOWN;
    }
    if (regular.stream().allMatch(a -> a == Availability.AVAILABLE)) {
      return Availability.AVAILABLE;
    }
    if (regular.stream().anyMatch(a -> a == Availability.AVAILABLE || a == Availability.PARTIALLY_AVAILABLE)) {
      return Availability.PARTIALLY_AVAILABLE;
    }
    if (regular.contains(Availability.PROCESSING)) {
      return Availability.PROCESSING;
    }
    if (regular.contains(Availability.PENDING)) {
      return Availability.PENDING;
    }
    return regular.stream().allMatch(a -> a == Availability.DELETED) ? Availability.DELETED : Availability.UNKNOWN;
  }

  /** Requests behind the titles that start out pending or processing, as anna and ben made them. */
  private void seedRequests() {
    List<RequestRecord> seeded = new ArrayList<>();
    for (Entry e : titles.values()) {
      for (boolean fourK : new boolean[] {false, true}) {
        MediaItem item = e.item;
        List<Integer> seasons = item.regularSeasons().stream()
            .filter(s -> s.status(fourK) == Availability.PENDING || s.status(fourK) == Availability.PROCESSING)
            .map(Season::number).toList();
        Availability status = item.status(fourK);
        boolean open = item.type() == MediaType.MOVIE
            ? status == Availability.PENDING || status == Availability.PROCESSING
            : !seasons.isEmpty();
        if (!open) {
          continue;
        }
        boolean pending = item.type() == MediaType.MOVIE ? status == Availability.PENDING
            : item.regularSeasons().stream().anyMatch(s -> s.status(fourK) == Availability.PENDING);
        seeded.add(new RequestRecord(null, item.type(), item.tmdbId(), item.title(),
            pending ? RequestStatus.PENDING_APPROVAL : RequestStatus.APPROVED, status, seasons, fourK,
            seeded.size() % 2 == 0 ? "2" : "3", null));
      }
    }
    Instant now = clock.instant();
    for (int i = 0; i < seeded.size(); i++) {
      RequestRecord r = seeded.get(i);
      requests.addFirst(new RequestRecord(Integer.toString(i + 1), r.type(), r.tmdbId(), r.title(), r.status(),
          r.mediaStatus(), r.seasons(), r.is4k(), r.requestedBy(), now.minus(Duration.ofHours(6L * (seeded.size() - i)))));
    }
  }

  // --- search ------------------------------------------------------------------------------

  private record Hit(Entry entry, double weight) {}

  private List<Hit> find(List<String> words, boolean fuzzy) {
    String query = String.join(" ", words);
    List<Hit> hits = new ArrayList<>();
    for (Entry e : titles.values()) {
      double best = 0;
      for (List<String> nameWords : e.nameWords()) {
        if (!matchesAll(words, nameWords, fuzzy)) {
          continue;
        }
        String joined = String.join(" ", nameWords);
        double weight = joined.equals(query) ? 3.0 : joined.startsWith(query) ? 1.5 : 1.0;
        best = Math.max(best, weight);
      }
      if (best > 0) {
        hits.add(new Hit(e, best * (1.0 + e.item.popularity())));
      }
    }
    return hits;
  }

  private static boolean matchesAll(List<String> query, List<String> name, boolean fuzzy) {
    // indexed loops: with the daemon's C1-only compiler every iterator is a real allocation
    for (int i = 0; i < query.size(); i++) {
      String q = query.get(i);
      boolean found = false;
      for (int j = 0; j < name.size(); j++) {
        String n = name.get(j);
        int allowed = q.length() >= 7 ? 2 : 1;
        if (n.startsWith(q) || (fuzzy && q.length() >= 4 && Math.abs(q.length() - n.length()) <= allowed
            && Titles.levenshtein(q, n) <= allowed)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** The query's words; a leading article is optional, as "the office" also finds "Office Space". */
  private static List<String> queryWords(String query) {
    return withoutArticle(words(query));
  }

  private static List<String> withoutArticle(List<String> words) {
    return Titles.withoutArticle(words);
  }

  /**
   * The words as the ranker compares them (accents folded, punctuation dropped, Roman numerals and
   * number words as digits), so that "gladiator 2" finds "Gladiator II" as a real search does.
   */
  static List<String> words(String text) {
    return Titles.tokens(text);
  }

  // --- data --------------------------------------------------------------------------------

  private record Key(MediaType type, int tmdbId) {}

  /**
   * A title, its German name (null when it has none of its own) and the words of each of its names
   * as a search compares them, worked out once (tokenising the catalogue on every search was most
   * of a turn's time in the demo).
   */
  private record Entry(MediaItem item, String germanTitle, List<List<String>> nameWords) {
    Entry(MediaItem item, String germanTitle) {
      this(item, germanTitle, wordsOfNames(item));
    }

    private static List<List<String>> wordsOfNames(MediaItem item) {
      List<String> names = new ArrayList<>();
      names.add(item.title());
      if (item.originalTitle() != null) {
        names.add(item.originalTitle());
      }
      names.addAll(item.alternativeTitles());
      return names.stream().map(name -> List.copyOf(withoutArticle(words(name)))).toList();
    }
  }

  private Entry entry(MediaType type, int tmdbId) throws BackendException {
    Entry e = titles.get(new Key(type, tmdbId));
    if (e == null) {
      throw new BackendException(BackendError.NOT_FOUND, "The demo catalogue has no " + type.wire() + " " + tmdbId);
    }
    return e;
  }

  /** The item as a backend asked in {@code language} would give it. */
  private static MediaItem localized(Entry e, String language) {
    MediaItem i = e.item;
    if (language == null || !language.toLowerCase(Locale.ROOT).startsWith("de") || e.germanTitle == null
        || e.germanTitle.equals(i.title())) {
      return i;
    }
    List<String> alternatives = new ArrayList<>();
    alternatives.add(i.title());
    i.alternativeTitles().stream().filter(a -> !a.equals(e.germanTitle)).forEach(alternatives::add);
    return i.withTitles(e.germanTitle, alternatives);
  }

  private static JsonNode load() {
    try (InputStream in = DemoCatalogue.class.getResourceAsStream(DATA)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DATA);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DATA, e);
    }
  }

  private static Entry entry(JsonNode t) {
    MediaType type = MediaType.fromWire(t.get("type").asText())
        .orElseThrow(() -> new IllegalStateException("bad type in " + t));
    String title = t.get("title").asText();
    String german = t.hasNonNull("de") ? t.get("de").asText() : null;
    List<String> alternatives = new ArrayList<>();
    if (t.has("alt")) {
      t.get("alt").forEach(a -> alternatives.add(a.asText()));
    }
    if (german != null && !german.equals(title) && !alternatives.contains(german)) {
      alternatives.add(german);
    }
    List<Season> seasons = new ArrayList<>();
    if (t.has("seasons")) {
      for (JsonNode s : t.get("seasons")) {
        seasons.add(new Season(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt(),
            Availability.valueOf(s.get(3).asText()), s.size() > 4 ? Availability.valueOf(s.get(4).asText()) : null));
      }
    } else if (t.has("seasonCount")) {
      int firstYear = LocalDate.parse(t.get("date").asText()).getYear();
      Availability status = Availability.valueOf(t.get("seasonStatus").asText());
      for (int n = 1; n <= t.get("seasonCount").asInt(); n++) {
        seasons.add(new Season(n, t.get("seasonEpisodes").asInt(), firstYear + n - 1, status, null));
      }
    }
    Availability status = t.has("status") ? Availability.valueOf(t.get("status").asText())
        : type == MediaType.TV ? showStatus(seasons, false) : Availability.UNKNOWN;
    Availability status4k = t.has("status4k") ? Availability.valueOf(t.get("status4k").asText())
        : type == MediaType.TV ? showStatus(seasons, true) : Availability.UNKNOWN;
    MediaItem item = new MediaItem(type, t.get("tmdb").asInt(), t.hasNonNull("tvdb") ? t.get("tvdb").asInt() : null,
        title, t.hasNonNull("original") ? t.get("original").asText() : title, alternatives,
        LocalDate.parse(t.get("date").asText()), t.path("overview").asText(null), null, t.path("lang").asText("en"),
        t.path("pop").asDouble(0), t.path("votes").asInt(0), status, status4k, seasons, genres(t),
        texts(t.path("countries")));
    return new Entry(item, german);
  }

  private static Set<Genre> genres(JsonNode t) {
    Set<Genre> genres = EnumSet.noneOf(Genre.class);
    for (String g : texts(t.path("genres"))) {
      genres.add(Genre.valueOf(g.toUpperCase(Locale.ROOT)));
    }
    return genres;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** {"name": ..., "credits": ["movie:841", "tv:1920"]}. */
  private static Credits person(JsonNode p) {
    Set<Credits.Credit> credits = new HashSet<>();
    for (String c : texts(p.path("credits"))) {
      String[] parts = c.split(":");
      MediaType type = MediaType.fromWire(parts[0]).orElseThrow(() -> new IllegalStateException("bad credit " + c));
      credits.add(new Credits.Credit(type, Integer.parseInt(parts[1])));
    }
    return new Credits(p.get("name").asText(), credits);
  }
}
