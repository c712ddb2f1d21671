package dev.overtalkerr.ranking;

import static dev.overtalkerr.ranking.RankerTest.movie;
import static dev.overtalkerr.ranking.RankerTest.tv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.Credits;
import dev.overtalkerr.domain.Genre;
import dev.overtalkerr.domain.Kind;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.understanding.Intent;
import dev.overtalkerr.understanding.TypeHint;
import dev.overtalkerr.understanding.Understanding;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ranker choosing by what was said besides the title words: sequels by count, kind, origin and
 * a person's credits; leftover words, stylised titles, alternative titles and namesakes. The result
 * lists are in the order a TMDB search returns them.
 */
class RankerWishesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);
  private final Ranker ranker = new Ranker(CLOCK);

  static final List<MediaItem> DUNE = RankerTest.DUNE;

  /** A search for "harry potter": the films out of order, a reunion special and a fan film. */
  static final List<MediaItem> HARRY_POTTER = List.of(
      movie(671, "Harry Potter and the Philosopher's Stone", "2001-11-16", 95),
      movie(12445, "Harry Potter and the Deathly Hallows: Part 2", "2011-07-12", 90),
      movie(672, "Harry Potter and the Chamber of Secrets", "2002-11-13", 85),
      movie(673, "Harry Potter and the Prisoner of Azkaban", "2004-05-31", 82),
      movie(674, "Harry Potter and the Goblet of Fire", "2005-11-16", 80),
      movie(12444, "Harry Potter and the Deathly Hallows: Part 1", "2010-11-17", 78),
      movie(675, "Harry Potter and the Order of the Phoenix", "2007-06-28", 75),
      movie(767, "Harry Potter and the Half-Blood Prince", "2009-07-07", 74),
      movie(899082, "Harry Potter 20th Anniversary: Return to Hogwarts", "2022-01-01", 8),
      movie(1000001, "Harry Potter and the Secret Fan Film", "1999-01-01", 0.6));

  static final List<MediaItem> HUNGER_GAMES = List.of(
      movie(70160, "The Hunger Games", "2012-03-12", 90),
      movie(101299, "The Hunger Games: Catching Fire", "2013-11-15", 70),
      movie(695721, "The Hunger Games: The Ballad of Songbirds & Snakes", "2023-11-15", 80),
      movie(131631, "The Hunger Games: Mockingjay - Part 1", "2014-11-18", 60),
      movie(131634, "The Hunger Games: Mockingjay - Part 2", "2015-11-18", 58));

  static final List<MediaItem> JOHN_WICK = List.of(
      movie(603692, "John Wick: Chapter 4", "2023-03-22", 120),
      movie(245891, "John Wick", "2014-10-22", 100),
      movie(458156, "John Wick: Chapter 3 - Parabellum", "2019-05-15", 90),
      movie(324552, "John Wick: Chapter 2", "2017-02-08", 85),
      tv(1000002, "The Continental: From the World of John Wick", "2023-09-22", 40));

  // --- sequels ---------------------------------------------------------------------------------

  @Test
  void aCountedSequelIsTheEntryThatCarriesItsNumber() {
    assertThat(top(u("dune"), DUNE, Preferences.sequel(2))).isEqualTo("Dune: Part Two (2024)");
    assertThat(top(u("dune"), DUNE, Preferences.sequel(3))).isEqualTo("Dune: Part Three (2026)");
    assertThat(top(u("john wick"), JOHN_WICK, Preferences.sequel(4))).isEqualTo("John Wick: Chapter 4 (2023)");
    assertThat(top(u("john wick"), JOHN_WICK, Preferences.sequel(2))).isEqualTo("John Wick: Chapter 2 (2017)");
    List<MediaItem> godfather = List.of(movie(238, "The Godfather", "1972-03-14", 120),
        movie(240, "The Godfather Part II", "1974-12-20", 80), movie(242, "The Godfather Part III", "1990-12-25", 50));
    assertThat(top(u("the godfather"), godfather, Preferences.sequel(3))).isEqualTo("The Godfather Part III (1990)");
  }

  @Test
  void whereTitlesCarryNoNumberTheSeriesCountsInReleaseOrder() {
    assertThat(top(u("harry potter", TypeHint.MOVIE), HARRY_POTTER, Preferences.sequel(2)))
        .as("not 'Deathly Hallows: Part 2'").isEqualTo("Harry Potter and the Chamber of Secrets (2002)");
    assertThat(top(u("harry potter"), HARRY_POTTER, Preferences.sequel(1)))
        .as("the fan film far behind in popularity is no entry")
        .isEqualTo("Harry Potter and the Philosopher's Stone (2001)");
    assertThat(top(u("harry potter"), HARRY_POTTER, Preferences.sequel(7)))
        .isEqualTo("Harry Potter and the Deathly Hallows: Part 1 (2010)");
    assertThat(top(u("the hunger games", TypeHint.MOVIE), HUNGER_GAMES, Preferences.sequel(3)))
        .isEqualTo("The Hunger Games: Mockingjay - Part 1 (2014)");
    assertThat(top(u("the hunger games"), HUNGER_GAMES, Preferences.sequel(1))).isEqualTo("The Hunger Games (2012)");
  }

  @Test
  void aNumberAfterTheTitleThatNoResultCarriesCountsTheSeries() {
    assertThat(top(u("the hunger games 2"), HUNGER_GAMES, Preferences.NONE))
        .isEqualTo("The Hunger Games: Catching Fire (2013)");
    assertThat(top(u("harry potter part 3"), HARRY_POTTER, Preferences.NONE))
        .isEqualTo("Harry Potter and the Prisoner of Azkaban (2004)");
    // a title that carries the number is found as it is, and counts for nothing else
    List<MediaItem> toyStory = List.of(movie(862, "Toy Story", "1995-11-22", 100), movie(863, "Toy Story 2", "1999-10-30", 70),
        movie(10193, "Toy Story 3", "2010-06-16", 80), movie(301528, "Toy Story 4", "2019-06-19", 90));
    assertThat(top(u("toy story 3"), toyStory, Preferences.NONE)).isEqualTo("Toy Story 3 (2010)");
    assertThat(top(u("toy story three"), toyStory, Preferences.NONE)).isEqualTo("Toy Story 3 (2010)");
    // more than the series has: nothing is picked, the exact title stays first
    assertThat(top(u("toy story"), toyStory, Preferences.sequel(9))).isEqualTo("Toy Story (1995)");
    assertThat(explain(u("toy story"), toyStory, Preferences.sequel(9))).doesNotContain("sequel=");
    assertThat(explain(u("the hunger games 2"), HUNGER_GAMES, Preferences.NONE)).contains("sequel=2:release-order");
  }

  @Test
  void aCountedSequelIsNoSequelWhenTheWordsAsSpokenAreATitle() {
    // "the fifth element": parsed as the fifth "element", with the words as spoken as a reading
    dev.overtalkerr.understanding.Reading counted = new dev.overtalkerr.understanding.Reading("element", null);
    dev.overtalkerr.understanding.Reading asSpoken = new dev.overtalkerr.understanding.Reading("the fifth element", null);
    Understanding u = new Understanding(Intent.REQUEST, "element", TypeHint.ANY, null, null, null, false, null,
        List.of(asSpoken), null, 5, null, null);
    MediaItem fifth = movie(18, "The Fifth Element", "1997-05-02", 60);
    List<MediaItem> elements = List.of(movie(5000012, "Element", "2016-01-01", 3), movie(5000013, "Element of Crime", "1984-01-01", 4),
        movie(5000014, "Elemental", "2023-06-14", 90), movie(5000015, "Element Hunters", "2010-01-01", 3),
        movie(5000016, "Elements", "2019-01-01", 3));
    Map<dev.overtalkerr.understanding.Reading, List<MediaItem>> results = new java.util.LinkedHashMap<>();
    results.put(counted, elements);
    results.put(asSpoken, List.of(fifth));
    List<Ranked> ranked = ranker.rank(u, results, Preferences.of(u, null));
    assertThat(ranked.get(0).item().title()).isEqualTo("The Fifth Element");
    assertThat(ranked).noneMatch(r -> r.explanation().contains("sequel="));
  }

  // --- people ------------------------------------------------------------------------------------

  @Test
  void aPersonsCreditsChooseAmongNamesakesAndRemakes() {
    Credits kyle = new Credits("Kyle MacLachlan", Set.of(new Credits.Credit(MediaType.MOVIE, 841),
        new Credits.Credit(MediaType.TV, 1920)));
    assertThat(top(u("dune"), DUNE, Preferences.credits(kyle))).isEqualTo("Dune (1984)");
    assertThat(explain(u("dune"), DUNE, Preferences.credits(kyle))).contains("person=credited");

    MediaItem batman1989 = movie(268, "Batman", "1989-06-21", 60);
    MediaItem theBatman = movie(414906, "The Batman", "2022-03-01", 200);
    MediaItem batmanBegins = movie(272, "Batman Begins", "2005-06-10", 90);
    List<MediaItem> batman = List.of(theBatman, batman1989, batmanBegins);
    Credits burton = new Credits("Tim Burton", Set.of(new Credits.Credit(MediaType.MOVIE, 268),
        new Credits.Credit(MediaType.MOVIE, 364)));
    assertThat(top(u("batman"), batman, Preferences.NONE)).isEqualTo("Batman (1989)");
    assertThat(top(u("the batman"), batman, Preferences.NONE)).isEqualTo("The Batman (2022)");
    assertThat(top(u("the batman"), batman, Preferences.credits(burton))).isEqualTo("Batman (1989)");

    // credits never lift a title that does not fit the words over the one that does
    Credits villeneuve = new Credits("Denis Villeneuve", Set.of(new Credits.Credit(MediaType.MOVIE, 335984)));
    List<MediaItem> bladeRunner = List.of(movie(78, "Blade Runner", "1982-06-25", 70),
        movie(335984, "Blade Runner 2049", "2017-10-04", 90));
    assertThat(top(u("blade runner"), bladeRunner, Preferences.credits(villeneuve))).isEqualTo("Blade Runner 2049 (2017)");
    assertThat(top(u("dune"), DUNE, Preferences.credits(villeneuve))).isEqualTo("Dune (2021)");
    assertThat(top(u("dune"), DUNE, Preferences.credits(Credits.none("someone unknown")))).isEqualTo("Dune (2021)");
  }

  // --- kind and origin ---------------------------------------------------------------------------

  @Test
  void theKindChoosesBetweenAnimatedAndLiveActionVersions() {
    MediaItem animated = with(movie(10020, "Beauty and the Beast", "1991-11-13", 60), Set.of(Genre.ANIMATION), List.of());
    MediaItem live = movie(321612, "Beauty and the Beast", "2017-03-16", 75);
    List<MediaItem> beauty = List.of(live, animated);
    assertThat(top(u("beauty and the beast"), beauty, Preferences.NONE)).isEqualTo("Beauty and the Beast (2017)");
    assertThat(top(u("beauty and the beast"), beauty, Preferences.kind(Kind.ANIMATION)))
        .isEqualTo("Beauty and the Beast (1991)");
    assertThat(top(u("beauty and the beast"), List.of(animated, live), Preferences.kind(Kind.LIVE_ACTION)))
        .isEqualTo("Beauty and the Beast (2017)");

    MediaItem planetEarthDoc = with(tv(1044, "Planet Earth", "2006-03-05", 30), Set.of(Genre.DOCUMENTARY), List.of());
    MediaItem planetEarthFilm = movie(5000001, "Planet Earth", "1974-04-23", 2);
    assertThat(top(u("planet earth"), List.of(planetEarthFilm, planetEarthDoc), Preferences.kind(Kind.DOCUMENTARY)))
        .isEqualTo("Planet Earth (2006)");
  }

  @Test
  void theCountryOfOriginChoosesTheOriginalOrTheRemake() {
    MediaItem oldboyKorean = language(movie(670, "Oldboy", "2003-11-21", 40), "ko");
    MediaItem oldboyUs = movie(87516, "Oldboy", "2013-11-14", 45);
    List<MediaItem> oldboy = List.of(oldboyUs, oldboyKorean);
    assertThat(top(u("oldboy"), oldboy, Preferences.NONE)).isEqualTo("Oldboy (2013)");
    assertThat(top(u("oldboy"), oldboy, Preferences.origin("kr"))).isEqualTo("Oldboy (2003)");

    MediaItem officeUs = with(tv(2316, "The Office", "2005-03-24", 250), Set.of(), List.of("US"));
    MediaItem officeUk = with(tv(2996, "The Office", "2001-07-09", 40), Set.of(), List.of("GB"));
    assertThat(top(u("office"), List.of(officeUs, officeUk), Preferences.NONE)).isEqualTo("The Office (2005)");
    assertThat(top(u("office"), List.of(officeUs, officeUk), Preferences.origin("gb"))).isEqualTo("The Office (2001)");
  }

  // --- words that match nothing, stylised and alternative titles ------------------------------

  @Test
  void leftoverWordsDoNotPullAnUnrelatedTitleAboveTheBackendsFirst() {
    MediaItem wildRobot = movie(1184918, "The Wild Robot", "2024-09-12", 300);
    MediaItem forMyDaughter = movie(5000002, "For My Daughter", "2014-05-01", 1.5);
    MediaItem myDaughter = movie(5000003, "My Daughter's Secret", "2007-02-01", 2.0);
    assertThat(top(u("the wild robot for my daughter"), List.of(wildRobot, forMyDaughter, myDaughter), Preferences.NONE))
        .isEqualTo("The Wild Robot (2024)");
    assertThat(explain(u("the wild robot for my daughter"), List.of(wildRobot, forMyDaughter), Preferences.NONE))
        .contains("title=within");

    MediaItem moana2 = movie(1241982, "Moana 2", "2024-11-21", 250);
    MediaItem tonight = movie(5000004, "Tonight", "2016-01-01", 1.0);
    assertThat(top(u("moana 2 tonight"), List.of(moana2, tonight), Preferences.NONE)).isEqualTo("Moana 2 (2024)");
  }

  @Test
  void theSpokenFormOfAStylisedTitleFindsIt() {
    MediaItem seven = movie(807, "Se7en", "1995-09-22", 75);
    MediaItem sevenPsychopaths = movie(86838, "Seven Psychopaths", "2012-10-12", 20);
    assertThat(top(u("seven"), List.of(sevenPsychopaths, seven), Preferences.NONE)).isEqualTo("Se7en (1995)");
    MediaItem obscureSeven = movie(5000005, "Seven", "1979-01-01", 1.0);
    assertThat(top(u("seven"), List.of(obscureSeven, seven), Preferences.NONE))
        .as("the title known by that sound").isEqualTo("Se7en (1995)");
    MediaItem knownSeven = movie(5000011, "Seven", "1979-01-01", 75);
    assertThat(top(u("seven"), List.of(seven, knownSeven), Preferences.NONE))
        .as("the title as written wins a tie").isEqualTo("Seven (1979)");

    MediaItem megan = movie(536554, "M3GAN", "2022-12-28", 60);
    MediaItem meganIsMissing = movie(5000006, "Megan Is Missing", "2011-05-01", 10);
    assertThat(top(u("megan"), List.of(meganIsMissing, megan), Preferences.NONE)).isEqualTo("M3GAN (2022)");
    assertThat(top(u("m three gan"), List.of(meganIsMissing, megan), Preferences.NONE)).isEqualTo("M3GAN (2022)");
    MediaItem walle = movie(10681, "WALL·E", "2008-06-22", 80);
    assertThat(top(u("wall e"), List.of(walle), Preferences.NONE)).isEqualTo("WALL·E (2008)");

    List<MediaItem> rocky = List.of(movie(1366, "Rocky", "1976-11-21", 60), movie(1374, "Rocky IV", "1985-11-21", 40),
        movie(1375, "Rocky V", "1990-11-16", 30));
    assertThat(top(u("rocky five"), rocky, Preferences.NONE)).isEqualTo("Rocky V (1990)");
    assertThat(top(u("rocky four"), rocky, Preferences.NONE)).isEqualTo("Rocky IV (1985)");
    MediaItem plus = movie(5000007, "Love + War", "2020-01-01", 5);
    assertThat(top(u("love plus war"), List.of(movie(5000008, "Love War", "2015-01-01", 6), plus), Preferences.NONE))
        .isEqualTo("Love + War (2020)");
  }

  @Test
  void anAlternativeTitleFindsTheFilmAndTheNamesakeStaysBehind() {
    MediaItem amelie = new MediaItem(MediaType.MOVIE, 194, null, "Amélie", "Le Fabuleux Destin d'Amélie Poulain",
        List.of("Die fabelhafte Welt der Amélie"), LocalDate.parse("2001-04-25"), null, null, "fr", 30, 11000,
        Availability.UNKNOWN, Availability.UNKNOWN, List.of());
    MediaItem welt = movie(5000009, "Welt am Draht", "1973-10-14", 8);
    assertThat(top(u("die fabelhafte welt der amelie"), List.of(welt, amelie), Preferences.NONE)).isEqualTo("Amélie (2001)");
  }

  // --- the film-or-series question ---------------------------------------------------------------

  @Test
  void theFilmOrSeriesQuestionOnlyWhenBothAreRealCandidates() {
    MediaItem fargoFilm = movie(275, "Fargo", "1996-03-08", 35);
    MediaItem fargoSeries = tv(60622, "Fargo", "2014-04-15", 90);
    assertThat(FilmOrSeries.worthAsking(u("fargo"), rank(u("fargo"), List.of(fargoSeries, fargoFilm)))).isTrue();

    MediaItem barbie = movie(346698, "Barbie", "2023-07-19", 80);
    MediaItem barbieSeries = tv(5000010, "Barbie", "2012-01-01", 1.2);
    assertThat(FilmOrSeries.worthAsking(u("barbie"), rank(u("barbie"), List.of(barbie, barbieSeries))))
        .as("an obscure namesake far behind").isFalse();
    assertThat(FilmOrSeries.worthAsking(u("barbie", TypeHint.MOVIE), rank(u("barbie"), List.of(barbie, barbieSeries))))
        .isFalse();
    assertThat(FilmOrSeries.worthAsking(u("fargo", TypeHint.TV), rank(u("fargo"), List.of(fargoSeries, fargoFilm))))
        .as("the type was said").isFalse();
    assertThat(FilmOrSeries.worthAsking(u("dune"), rank(u("dune"), DUNE))).as("no series of that exact title").isFalse();
  }

  // --- helpers -----------------------------------------------------------------------------------

  private List<Ranked> rank(Understanding u, List<MediaItem> results) {
    return ranker.rank(u, Map.of(u.readings().get(0), results));
  }

  private String top(Understanding u, List<MediaItem> results, Preferences p) {
    List<Ranked> ranked = ranker.rank(u, Map.of(u.readings().get(0), results), p);
    return ranked.get(0).item().title() + " (" + ranked.get(0).item().year() + ")";
  }

  private String explain(Understanding u, List<MediaItem> results, Preferences p) {
    return String.join("\n", ranker.rank(u, Map.of(u.readings().get(0), results), p).stream()
        .map(r -> r.item().title() + ": " + r.explanation()).toList());
  }

  private static Understanding u(String title) {
    return u(title, TypeHint.ANY);
  }

  private static Understanding u(String title, TypeHint type) {
    return new Understanding(Intent.REQUEST, title, type, null, null, null, false, null, List.of());
  }

  private static MediaItem with(MediaItem i, Set<Genre> genres, List<String> countries) {
    return new MediaItem(i.type(), i.tmdbId(), i.tvdbId(), i.title(), i.originalTitle(), i.alternativeTitles(),
        i.releaseDate(), i.overview(), i.posterPath(), i.originalLanguage(), i.popularity(), i.voteCount(), i.status(),
        i.status4k(), i.seasons(), genres, countries);
  }

  private static MediaItem language(MediaItem i, String language) {
    return new MediaItem(i.type(), i.tmdbId(), i.tvdbId(), i.title(), i.originalTitle(), i.alternativeTitles(),
        i.releaseDate(), i.overview(), i.posterPath(), language, i.popularity(), i.voteCount(), i.status(),
        i.status4k(), i.seasons());
  }
}
