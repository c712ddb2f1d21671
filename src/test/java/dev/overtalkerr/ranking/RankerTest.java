package dev.overtalkerr.ranking;

import dev.overtalkerr.conversation.Speech;
import dev.overtalkerr.understanding.Intent;
import dev.overtalkerr.understanding.Reading;
import dev.overtalkerr.understanding.Temporal;
import dev.overtalkerr.understanding.TypeHint;
import dev.overtalkerr.understanding.Understanding;
import dev.overtalkerr.understanding.YearRange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);
  private final Ranker ranker = new Ranker(CLOCK);

  // --- realistic result lists, in the order a TMDB multi-search returns them -------------------

  static final MediaItem DUNE_PART_TWO = movie(693134, "Dune: Part Two", "2024-02-27", 310);
  static final MediaItem DUNE_2021 = movie(438631, "Dune", "2021-09-15", 150);
  static final MediaItem DUNE_1984 = movie(841, "Dune", "1984-12-14", 35);
  static final MediaItem DUNE_PROPHECY = tv(90228, "Dune: Prophecy", "2024-11-17", 95);
  static final MediaItem DUNE_PART_THREE = movie(1170608, "Dune: Part Three", "2026-12-18", 60);
  static final List<MediaItem> DUNE = List.of(DUNE_PART_TWO, DUNE_2021, DUNE_PROPHECY, DUNE_1984, DUNE_PART_THREE);

  static final MediaItem ALIEN_ROMULUS = movie(945961, "Alien: Romulus", "2024-08-13", 210);
  static final MediaItem ALIEN = movie(348, "Alien", "1979-05-25", 80);
  static final MediaItem ALIEN_EARTH = tv(157239, "Alien: Earth", "2025-08-12", 120);
  static final MediaItem ALIENS = movie(679, "Aliens", "1986-07-18", 60);
  static final MediaItem ALIEN_3 = movie(8077, "Alien³", "1992-05-22", 30);
  static final List<MediaItem> ALIEN_RESULTS = List.of(ALIEN_ROMULUS, ALIEN_EARTH, ALIEN, ALIENS, ALIEN_3);

  static final MediaItem OFFICE_US = tv(2316, "The Office", "2005-03-24", 250);
  static final MediaItem OFFICE_UK = tv(2996, "The Office", "2001-07-09", 40);
  static final MediaItem OFFICE_PARTY = movie(384680, "Office Christmas Party", "2016-12-07", 30);
  static final MediaItem OFFICE_SPACE = movie(1542, "Office Space", "1999-02-19", 25);

  @Test
  void remakeWithoutYearGoesToTheMorePopularBackendFirstOneAndSequelsFollow() {
    List<Ranked> ranked = rank(u("dune"), DUNE);

    assertThat(titles(ranked).subList(0, 2)).containsExactly("Dune (2021)", "Dune (1984)");
    assertThat(ranked).hasSize(5);
    assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
    // the upcoming sequel is not lifted above anything without an upcoming wish
    assertThat(titles(ranked).get(4)).isEqualTo("Dune: Part Three (2026)");
  }

  @Test
  void yearPicksTheRemakeAndKeepsTheOthersAfterIt() {
    assertThat(titles(rank(u("dune", YearRange.of(1984)), DUNE)).get(0)).isEqualTo("Dune (1984)");

    List<Ranked> ranked = rank(u("dune", YearRange.of(2024)), DUNE);
    // a film of the asked-for year beats the exact title of another year; nothing is dropped
    assertThat(titles(ranked).subList(0, 2)).containsExactly("Dune: Prophecy (2024)", "Dune: Part Two (2024)");
    assertThat(titles(ranked).subList(2, 4)).containsExactly("Dune (2021)", "Dune (1984)");
    assertThat(ranked).hasSize(5);
    assertThat(ranked.get(2).score()).isNegative();
  }

  @Test
  void decadeFiltersLikeAYear() {
    MediaItem lionKing2019 = movie(420818, "The Lion King", "2019-07-12", 140);
    MediaItem lionKing1994 = movie(8587, "The Lion King", "1994-06-24", 110);
    MediaItem lionKing2 = movie(9732, "The Lion King II: Simba's Pride", "1998-10-27", 40);
    List<MediaItem> results = List.of(lionKing2019, lionKing1994, lionKing2);

    assertThat(titles(rank(u("the lion king"), results)))
        .containsExactly("The Lion King (2019)", "The Lion King (1994)", "The Lion King II: Simba's Pride (1998)");
    assertThat(titles(rank(u("the lion king", YearRange.decade(1990)), results)))
        .containsExactly("The Lion King (1994)", "The Lion King II: Simba's Pride (1998)", "The Lion King (2019)");
  }

  @Test
  void spokenGermanAlternativeTitleFindsTheFilm() {
    MediaItem lionKing = new MediaItem(MediaType.MOVIE, 8587, null, "The Lion King", "The Lion King",
        List.of("Der König der Löwen"), LocalDate.parse("1994-06-24"), null, null, "en", 110, 18000,
        Availability.UNKNOWN, Availability.UNKNOWN, List.of());
    MediaItem kingsSpeech = movie(45269, "The King's Speech", "2010-09-06", 30);
    List<Ranked> ranked = rank(u("der könig der löwen"), List.of(kingsSpeech, lionKing));
    assertThat(titles(ranked).get(0)).isEqualTo("The Lion King (1994)");
    assertThat(ranked.get(0).explanation()).contains("title=exact(0.98) via='Der König der Löwen'");
  }

  @Test
  void itRemakeAndMiniseries() {
    MediaItem it2017 = movie(346364, "It", "2017-09-06", 160);
    MediaItem itChapterTwo = movie(474350, "It Chapter Two", "2019-09-04", 110);
    MediaItem it1990 = tv(19614, "It", "1990-11-18", 40);
    MediaItem itFollows = movie(270303, "It Follows", "2015-02-04", 45);
    List<MediaItem> results = List.of(it2017, itChapterTwo, it1990, itFollows);

    assertThat(titles(rank(u("it"), results)).subList(0, 2)).containsExactly("It (2017)", "It (1990)");
    assertThat(titles(rank(u("it", YearRange.of(1990)), results)).get(0)).isEqualTo("It (1990)");
    assertThat(titles(rank(u("it", TypeHint.TV), results)).get(0)).isEqualTo("It (1990)");
  }

  @Test
  void exactTitleBeatsSequelsAndThePluralSequel() {
    assertThat(titles(rank(u("alien"), ALIEN_RESULTS)).get(0)).isEqualTo("Alien (1979)");
    // every "Alien: ..." prefix match comes before the fuzzy "Aliens"
    assertThat(titles(rank(u("alien"), ALIEN_RESULTS)).get(4)).isEqualTo("Aliens (1986)");
    assertThat(titles(rank(u("aliens"), ALIEN_RESULTS)).get(0)).isEqualTo("Aliens (1986)");
    assertThat(titles(rank(u("alien three"), ALIEN_RESULTS)).get(0)).isEqualTo("Alien³ (1992)");
  }

  @Test
  void sameNameFilmAndSeriesFollowTheTypeAskedFor() {
    MediaItem fargoSeries = tv(60622, "Fargo", "2014-04-15", 90);
    MediaItem fargoFilm = movie(275, "Fargo", "1996-03-08", 40);
    List<MediaItem> results = List.of(fargoSeries, fargoFilm);

    assertThat(titles(rank(u("fargo"), results))).containsExactly("Fargo (2014)", "Fargo (1996)");
    assertThat(titles(rank(u("fargo", TypeHint.MOVIE), results))).containsExactly("Fargo (1996)", "Fargo (2014)");
    assertThat(titles(rank(u("fargo", TypeHint.TV), results))).containsExactly("Fargo (2014)", "Fargo (1996)");

    MediaItem westworldSeries = tv(63247, "Westworld", "2016-10-02", 70);
    MediaItem westworldFilm = movie(2362, "Westworld", "1973-08-15", 20);
    MediaItem futureworld = movie(14299, "Futureworld", "1976-07-14", 8);
    List<MediaItem> west = List.of(westworldSeries, westworldFilm, futureworld);
    assertThat(titles(rank(u("westworld", TypeHint.MOVIE), west)))
        .containsExactly("Westworld (1973)", "Futureworld (1976)", "Westworld (2016)");
    assertThat(titles(rank(u("westworld", YearRange.of(1973)), west)).get(0)).isEqualTo("Westworld (1973)");
  }

  @Test
  void theOfficeKeepsItsArticle() {
    List<MediaItem> results = List.of(OFFICE_PARTY, OFFICE_US, OFFICE_SPACE, OFFICE_UK);

    assertThat(titles(rank(u("the office"), results)).subList(0, 2))
        .containsExactly("The Office (2005)", "The Office (2001)");
    assertThat(titles(rank(u("office"), results)).subList(0, 2))
        .containsExactly("The Office (2005)", "The Office (2001)");
    assertThat(titles(rank(u("office christmas party"), results)).get(0)).isEqualTo("Office Christmas Party (2016)");
    assertThat(titles(rank(u("the office", YearRange.of(2001)), results)).get(0)).isEqualTo("The Office (2001)");
  }

  @Test
  void exactTheTitleIsNotBeatenByALongerTitleStartingWithTheSameWords() {
    // the earlier version's bug: "the matrix" stripped to "matrix" and every title containing it scored 100
    MediaItem resurrections = movie(624860, "The Matrix Resurrections", "2021-12-16", 120);
    MediaItem reloaded = movie(604, "The Matrix Reloaded", "2003-05-15", 60);
    MediaItem matrix = movie(603, "The Matrix", "1999-03-31", 85);
    assertThat(titles(rank(u("the matrix"), List.of(resurrections, reloaded, matrix))).get(0))
        .isEqualTo("The Matrix (1999)");
  }

  @Test
  void upcomingPrefersFutureReleasesAmongFittingTitles() {
    List<Ranked> ranked = rank(new Understanding(Intent.REQUEST, "dune", TypeHint.ANY, null, null,
        Temporal.UPCOMING, false, null, List.of()), DUNE);
    assertThat(titles(ranked).get(0)).isEqualTo("Dune: Part Three (2026)");
    assertThat(ranked.get(0).explanation()).contains("temporal=upcoming:future");
    // then the newest released
    assertThat(titles(ranked).subList(1, 5))
        .containsExactly("Dune: Prophecy (2024)", "Dune: Part Two (2024)", "Dune (2021)", "Dune (1984)");
  }

  @Test
  void upcomingDoesNotLiftAWrongTitleOverTheRightOne() {
    MediaItem interstellar = movie(157336, "Interstellar", "2014-11-05", 190);
    MediaItem instinct = movie(999001, "Interstate Sixty Two", "2027-03-01", 5);
    List<Ranked> ranked = rank(new Understanding(Intent.REQUEST, "interstellar", TypeHint.ANY, null, null,
        Temporal.UPCOMING, false, null, List.of()), List.of(instinct, interstellar));
    assertThat(titles(ranked)).containsExactly("Interstellar (2014)", "Interstate Sixty Two (2027)");
  }

  @Test
  void latestPrefersTheNewestReleaseOfTheTypeAskedFor() {
    List<Ranked> ranked = rank(new Understanding(Intent.REQUEST, "dune", TypeHint.MOVIE, null, null,
        Temporal.LATEST, false, null, List.of()), DUNE);
    assertThat(titles(ranked)).containsExactly("Dune: Part Two (2024)", "Dune (2021)", "Dune (1984)",
        "Dune: Part Three (2026)", "Dune: Prophecy (2024)");
  }

  @Test
  void olderAndNewerOrderTheRemakes() {
    var older = new Understanding(Intent.REFINE, "dune", TypeHint.MOVIE, null, null, null, false,
        Understanding.Order.OLDER, List.of());
    assertThat(titles(rank(older, DUNE)).get(0)).isEqualTo("Dune (1984)");
  }

  @Test
  void nonEnglishOriginalsAreKeptAndFoundByAnyOfTheirTitles() {
    MediaItem parasite = new MediaItem(MediaType.MOVIE, 496243, null, "Parasite", "기생충", List.of(),
        LocalDate.parse("2019-05-30"), null, null, "ko", 90, 19000, null, null, List.of());
    MediaItem parasite1982 = movie(27475, "Parasite", "1982-03-12", 4);
    MediaItem moneyHeist = new MediaItem(MediaType.TV, 71446, null, "Money Heist", "La casa de papel",
        List.of("Haus des Geldes"), LocalDate.parse("2017-05-02"), null, null, "es", 120, 19000, null, null, List.of());
    MediaItem moneyHeistKorea = new MediaItem(MediaType.TV, 113036, null, "Money Heist: Korea - Joint Economic Area",
        "종이의 집: 공동경제구역", List.of(), LocalDate.parse("2022-06-24"), null, null, "ko", 30, 500, null, null, List.of());
    MediaItem dark = new MediaItem(MediaType.TV, 70523, null, "Dark", "Dark", List.of(),
        LocalDate.parse("2017-12-01"), null, null, "de", 60, 7000, null, null, List.of());
    MediaItem darkKnight = movie(155, "The Dark Knight", "2008-07-16", 130);
    MediaItem darkPhoenix = movie(320288, "Dark Phoenix", "2019-06-05", 40);

    assertThat(titles(rank(u("parasite"), List.of(parasite1982, parasite))))
        .containsExactly("Parasite (2019)", "Parasite (1982)");
    List<MediaItem> heist = List.of(moneyHeistKorea, moneyHeist);
    assertThat(titles(rank(u("money heist"), heist)).get(0)).isEqualTo("Money Heist (2017)");
    assertThat(titles(rank(u("la casa de papel"), heist)).get(0)).isEqualTo("Money Heist (2017)");
    assertThat(titles(rank(u("haus des geldes"), heist)).get(0)).isEqualTo("Money Heist (2017)");
    assertThat(rank(u("haus des geldes"), heist)).hasSize(2);
    assertThat(titles(rank(u("dark"), List.of(darkKnight, darkPhoenix, dark))))
        .containsExactly("Dark (2017)", "Dark Phoenix (2019)", "The Dark Knight (2008)");
  }

  @Test
  void speechErrorsStillFindTheTitle() {
    MediaItem internship = movie(116741, "The Internship", "2013-06-07", 20);
    MediaItem interstellar = movie(157336, "Interstellar", "2014-11-05", 190);
    MediaItem interstate = movie(21801, "Interstate 60", "2002-04-13", 6);
    assertThat(titles(rank(u("intersteller"), List.of(internship, interstate, interstellar))).get(0))
        .isEqualTo("Interstellar (2014)");

    MediaItem reloaded = movie(604, "The Matrix Reloaded", "2003-05-15", 60);
    MediaItem matrix = movie(603, "The Matrix", "1999-03-31", 85);
    MediaItem tricks = movie(999002, "The Tricks", "2011-01-01", 2);
    assertThat(titles(rank(u("the matricks"), List.of(reloaded, tricks, matrix))).get(0)).isEqualTo("The Matrix (1999)");

    MediaItem chamber = movie(672, "Harry Potter and the Chamber of Secrets", "2002-11-13", 100);
    MediaItem stone = new MediaItem(MediaType.MOVIE, 671, null, "Harry Potter and the Philosopher's Stone",
        "Harry Potter and the Philosopher's Stone", List.of("Harry Potter and the Sorcerer's Stone"),
        LocalDate.parse("2001-11-16"), null, null, "en", 95, 27000, null, null, List.of());
    MediaItem hallows = movie(12444, "Harry Potter and the Deathly Hallows: Part 1", "2010-11-17", 90);
    List<MediaItem> potter = List.of(chamber, hallows, stone);
    assertThat(titles(rank(u("harry potter and the philosophers stone"), potter)).get(0))
        .isEqualTo("Harry Potter and the Philosopher's Stone (2001)");
    assertThat(titles(rank(u("harry potter and the sorcerers stone"), potter)).get(0))
        .isEqualTo("Harry Potter and the Philosopher's Stone (2001)");
    assertThat(titles(rank(u("harry potter and the filosofers stone"), potter)).get(0))
        .isEqualTo("Harry Potter and the Philosopher's Stone (2001)");
  }

  @Test
  void numberTitles() {
    MediaItem film2012 = movie(14161, "2012", "2009-10-10", 60);
    MediaItem doomsday = movie(13187, "2012 Doomsday", "2008-03-01", 3);
    MediaItem supernova = movie(25977, "2012: Supernova", "2009-11-20", 2);
    assertThat(titles(rank(u("2012"), List.of(doomsday, supernova, film2012))).get(0)).isEqualTo("2012 (2009)");

    MediaItem nineteen17 = movie(530915, "1917", "2019-12-25", 70);
    MediaItem other1917 = movie(999003, "1917: The Forgotten Front", "2018-05-01", 1);
    assertThat(titles(rank(u("nineteen seventeen"), List.of(other1917, nineteen17))).get(0)).isEqualTo("1917 (2019)");

    MediaItem empire = movie(53182, "300: Rise of an Empire", "2014-03-05", 80);
    MediaItem three00 = movie(1271, "300", "2007-03-07", 70);
    assertThat(titles(rank(u("300"), List.of(empire, three00)))).containsExactly("300 (2007)", "300: Rise of an Empire (2014)");
    assertThat(titles(rank(u("three hundred"), List.of(empire, three00))).get(0)).isEqualTo("300 (2007)");

    MediaItem eleven = movie(161, "Ocean's Eleven", "2001-12-07", 90);
    MediaItem twelve = movie(163, "Ocean's Twelve", "2004-12-09", 60);
    MediaItem eight = movie(402900, "Ocean's Eight", "2018-06-07", 55);
    List<MediaItem> oceans = List.of(eleven, twelve, eight);
    assertThat(titles(rank(u("oceans eight"), oceans)).get(0)).isEqualTo("Ocean's Eight (2018)");
    assertThat(titles(rank(u("ocean's 8"), oceans)).get(0)).isEqualTo("Ocean's Eight (2018)");
    assertThat(titles(rank(u("oceans 11"), oceans)).get(0)).isEqualTo("Ocean's Eleven (2001)");
  }

  @Test
  void twoReadingsOfATrailingNumberAreMergedAndTheConsistentOneWins() {
    MediaItem bladeRunner = movie(78, "Blade Runner", "1982-06-25", 70);
    MediaItem bladeRunner2049 = movie(335984, "Blade Runner 2049", "2017-10-04", 90);
    Reading asTitle = new Reading("blade runner 2049", null);
    Reading asYear = new Reading("blade runner", YearRange.of(2049));
    Understanding u = new Understanding(Intent.REQUEST, asTitle.title(), TypeHint.ANY, null, null, null, false, null,
        List.of(asYear));
    Map<Reading, List<MediaItem>> results = new LinkedHashMap<>();
    results.put(asTitle, List.of(bladeRunner2049, bladeRunner));
    results.put(asYear, List.of(bladeRunner, bladeRunner2049));
    List<Ranked> ranked = ranker.rank(u, results);
    assertThat(titles(ranked)).containsExactly("Blade Runner 2049 (2017)", "Blade Runner (1982)");

    // "dune 2021": the year reading matches Dune (2021) exactly; the title reading only fuzzily
    Reading duneYear = new Reading("dune", YearRange.of(2021));
    Reading duneTitle = new Reading("dune 2021", null);
    Understanding du = new Understanding(Intent.REQUEST, "dune", TypeHint.ANY, YearRange.of(2021), null, null, false,
        null, List.of(duneTitle));
    Map<Reading, List<MediaItem>> duneResults = new LinkedHashMap<>();
    duneResults.put(duneTitle, List.of(DUNE_1984, DUNE_PART_TWO));
    duneResults.put(duneYear, DUNE);
    List<Ranked> duneRanked = ranker.rank(du, duneResults);
    assertThat(titles(duneRanked).get(0)).isEqualTo("Dune (2021)");
    assertThat(duneRanked).hasSize(5); // de-duplicated across the two lists
    assertThat(duneRanked.get(0).explanation()).contains("title=exact(1.00)").contains("year=in-range");
  }

  @Test
  void equalScoresBreakTowardsTheNewer() {
    // two same-name titles far down the backend's list (no backend prior) with the same popularity
    List<MediaItem> results = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      results.add(movie(5000 + i, "Filler " + i, "2000-01-01", 1));
    }
    results.add(movie(7001, "Heat", "1986-03-14", 10));
    results.add(movie(7002, "Heat", "1995-12-15", 10));
    assertThat(titles(rank(u("heat"), results)).subList(0, 2)).containsExactly("Heat (1995)", "Heat (1986)");
  }

  @Test
  void explanationListsTheComponents() {
    Ranked top = rank(u("dune", YearRange.of(2021)), DUNE).get(0);
    assertThat(top.explanation())
        .matches("title=exact\\(1\\.00\\) year=in-range\\(\\+0\\.05\\) type=ok backend-rank=1\\(\\+0\\.03\\) "
            + "popularity=150\\.0\\(\\+0\\.0\\d\\d\\) -> 1\\.1\\d\\d");
    assertThat(top.explanation()).endsWith(String.format(java.util.Locale.ROOT, "-> %.3f", top.score()));
  }

  @Test
  void emptyInputGivesAnEmptyList() {
    assertThat(ranker.rank(u("dune"), Map.of())).isEmpty();
    assertThat(ranker.rank(u("dune"), Map.of(new Reading("dune", null), List.of()))).isEmpty();
  }

  // --- helpers --------------------------------------------------------------------------------

  private List<Ranked> rank(Understanding u, List<MediaItem> results) {
    return ranker.rank(u, Map.of(u.readings().get(0), results));
  }

  private static Understanding u(String title) {
    return new Understanding(Intent.REQUEST, title, TypeHint.ANY, null, null, null, false, null, List.of());
  }

  private static Understanding u(String title, YearRange years) {
    return new Understanding(Intent.REQUEST, title, TypeHint.ANY, years, null, null, false, null, List.of());
  }

  private static Understanding u(String title, TypeHint type) {
    return new Understanding(Intent.REQUEST, title, type, null, null, null, false, null, List.of());
  }

  private static List<String> titles(List<Ranked> ranked) {
    return ranked.stream().map(r -> r.item().title() + " (" + r.item().year() + ")").toList();
  }

  static MediaItem movie(int id, String title, String date, double popularity) {
    return item(MediaType.MOVIE, id, title, date, popularity);
  }

  static MediaItem tv(int id, String title, String date, double popularity) {
    return item(MediaType.TV, id, title, date, popularity);
  }

  private static MediaItem item(MediaType type, int id, String title, String date, double popularity) {
    return new MediaItem(type, id, null, title, title, List.of(), date == null ? null : LocalDate.parse(date),
        null, null, "en", popularity, (int) (popularity * 100), Availability.UNKNOWN, Availability.UNKNOWN, List.of());
  }
}
