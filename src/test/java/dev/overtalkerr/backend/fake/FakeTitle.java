package dev.overtalkerr.backend.fake;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.MediaType;
import java.util.Map;
import java.util.TreeMap;

/**
 * A film or series in a fake backend's catalogue. Mutable, so that tests can set the scene (a
 * season available, a film blocklisted) and watch the fake change it when a request is filed.
 */
public final class FakeTitle {
  /** One season: its episode count and availability. */
  public static final class FakeSeason {
    private final int number;
    private final int episodes;
    private volatile Availability status;

    FakeSeason(int number, int episodes, Availability status) {
      this.number = number;
      this.episodes = episodes;
      this.status = status;
    }

    public int number() {
      return number;
    }

    public int episodes() {
      return episodes;
    }

    public Availability status() {
      return status;
    }

    public void status(Availability value) {
      this.status = value;
    }
  }

  private final MediaType type;
  private final int tmdbId;
  private final Integer tvdbId;
  private final String title;
  private final int year;
  private volatile Availability status;
  private volatile Availability status4k = Availability.UNKNOWN;
  private final Map<Integer, FakeSeason> seasons = new TreeMap<>();
  private volatile java.util.List<Integer> genreIds = java.util.List.of(18);
  private volatile java.util.List<String> originCountries = java.util.List.of("US");

  FakeTitle(MediaType type, int tmdbId, Integer tvdbId, String title, int year, Availability status) {
    this.type = type;
    this.tmdbId = tmdbId;
    this.tvdbId = tvdbId;
    this.title = title;
    this.year = year;
    this.status = status;
  }

  public MediaType type() {
    return type;
  }

  public int tmdbId() {
    return tmdbId;
  }

  public Integer tvdbId() {
    return tvdbId;
  }

  public String title() {
    return title;
  }

  public int year() {
    return year;
  }

  public Availability status() {
    return status;
  }

  public Availability status4k() {
    return status4k;
  }

  public Availability status(boolean fourK) {
    return fourK ? status4k : status;
  }

  public FakeTitle status(Availability value) {
    this.status = value;
    return this;
  }

  public FakeTitle status4k(Availability value) {
    this.status4k = value;
    return this;
  }

  /** TMDB genre ids the fake reports (default: 18, drama). */
  public FakeTitle genres(Integer... ids) {
    this.genreIds = java.util.List.of(ids);
    return this;
  }

  public java.util.List<Integer> genreIds() {
    return genreIds;
  }

  /** ISO 3166 countries of origin the fake reports for a series (default: US). */
  public FakeTitle countries(String... codes) {
    this.originCountries = java.util.List.of(codes);
    return this;
  }

  public java.util.List<String> originCountries() {
    return originCountries;
  }

  /** Adds or replaces a season (0 = specials). */
  public synchronized FakeTitle season(int number, int episodes, Availability seasonStatus) {
    seasons.put(number, new FakeSeason(number, episodes, seasonStatus));
    return this;
  }

  public synchronized FakeSeason season(int number) {
    return seasons.get(number);
  }

  public synchronized java.util.List<FakeSeason> seasons() {
    return java.util.List.copyOf(seasons.values());
  }

  /** The overview the fakes report, derived from the title. */
  public String overview() {
    return "About " + title + ".";
  }

  public String releaseDate() {
    return year + (type == MediaType.MOVIE ? "-03-31" : "-04-17");
  }
}
