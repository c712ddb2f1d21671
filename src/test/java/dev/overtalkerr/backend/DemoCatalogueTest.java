package dev.overtalkerr.backend;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendFlavour;
import dev.overtalkerr.domain.BackendUser;
import dev.overtalkerr.domain.Credits;
import dev.overtalkerr.domain.Genre;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.Season;
import dev.overtalkerr.domain.SeasonSelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCatalogueTest {
  private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Requester ANNA = new Requester("2", "Anna", false);
  private static final Requester BEN_4K = new Requester("3", "Ben", true);

  private final DemoCatalogue demo = new DemoCatalogue(CLOCK);

  // --- the catalogue ---------------------------------------------------------------------

  @Test
  void peopleAreCreditedOnCatalogueTitlesAndFoundByTheirNameAsSpoken() {
    for (MediaItem item : demo.all()) {
      assertThat(item.genres()).as("genres are known words").isNotNull();
    }
    Credits kyle = demo.credits("kyle maclachlan", "en");
    assertThat(kyle.person()).isEqualTo("Kyle MacLachlan");
    assertThat(kyle.titles()).contains(new Credits.Credit(MediaType.MOVIE, 841)).doesNotContain(
        new Credits.Credit(MediaType.MOVIE, 438631));
    assertThat(demo.credits("Timothee Chalamet", "de").titles()).as("accents as spoken")
        .contains(new Credits.Credit(MediaType.MOVIE, 438631));
    assertThat(demo.credits("villeneuve", "en").person()).as("a family name alone").isEqualTo("Denis Villeneuve");
    assertThat(demo.credits("nobody at all", "en").isEmpty()).isTrue();
    assertThat(demo.credits("", "en").isEmpty()).isTrue();
    Set<Credits.Credit> everyTitle = demo.all().stream().map(i -> new Credits.Credit(i.type(), i.tmdbId()))
        .collect(Collectors.toSet());
    for (String name : List.of("kyle maclachlan", "denis villeneuve", "greta gerwig", "tom hanks", "emma watson",
        "christopher nolan", "ridley scott", "park chan wook", "spike lee")) {
      Credits c = demo.credits(name, "en");
      assertThat(c.titles()).as(name + " is credited on catalogue titles").isNotEmpty().isSubsetOf(everyTitle);
    }
    assertThat(demo.search("beauty and the beast", "de")).as("genres survive a German title")
        .anyMatch(i -> i.genres().contains(Genre.ANIMATION) && i.title().equals("Die Schöne und das Biest"));
  }

  @Test
  void holdsAtLeastSixtyFilmsAndSeriesInEveryState() {
    List<MediaItem> all = demo.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(60);
    assertThat(demo.count(MediaType.MOVIE)).isGreaterThanOrEqualTo(30);
    assertThat(demo.count(MediaType.TV)).isGreaterThanOrEqualTo(20);
    Set<Availability> states = all.stream().map(MediaItem::status).collect(Collectors.toCollection(() -> EnumSet.noneOf(Availability.class)));
    assertThat(states).containsAll(EnumSet.of(Availability.AVAILABLE, Availability.PARTIALLY_AVAILABLE,
        Availability.PROCESSING, Availability.PENDING, Availability.UNKNOWN, Availability.BLOCKLISTED));
    assertThat(all).anyMatch(i -> i.status4k() != Availability.UNKNOWN && i.type() == MediaType.MOVIE);
    assertThat(all).filteredOn(i -> i.type() == MediaType.TV).allMatch(i -> !i.regularSeasons().isEmpty());
    assertThat(all).allMatch(i -> i.releaseDate() != null && i.overview() != null && i.originalLanguage() != null);
    assertThat(all).anyMatch(i -> i.releaseDate().isAfter(LocalDate.of(2026, 11, 24)));
    assertThat(all.stream().map(i -> i.type() + ":" + i.tmdbId()).distinct()).hasSize(all.size());
  }

  @Test
  void seriesHaveSeasonsInMixedStates() throws Exception {
    MediaItem office = demo.details(MediaType.TV, 2316, "en");
    assertThat(office.status()).isEqualTo(Availability.PARTIALLY_AVAILABLE);
    assertThat(office.regularSeasons()).hasSize(9);
    assertThat(office.regularSeasons().subList(0, 3)).allMatch(s -> s.status() == Availability.AVAILABLE);
    assertThat(office.regularSeasons().get(3).status()).isEqualTo(Availability.UNKNOWN);

    MediaItem severance = demo.details(MediaType.TV, 95396, null);
    assertThat(severance.regularSeasons()).extracting(Season::status)
        .containsExactly(Availability.AVAILABLE, Availability.PENDING);
    assertThat(demo.details(MediaType.TV, 136315, null).regularSeasons()).extracting(Season::status)
        .containsExactly(Availability.AVAILABLE, Availability.AVAILABLE, Availability.PROCESSING, Availability.UNKNOWN);
    assertThat(demo.details(MediaType.TV, 1396, null).status()).isEqualTo(Availability.AVAILABLE);
  }

  @Test
  void detailsOfAnUnknownTitleIsNotFound() {
    assertThatThrownBy(() -> demo.details(MediaType.MOVIE, 1, "en"))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.error()).isEqualTo(BackendError.NOT_FOUND));
    // the same id as a film (Fargo 275) is not a series
    assertThatThrownBy(() -> demo.details(MediaType.TV, 275, "en")).isInstanceOf(BackendException.class);
  }

  @Test
  void infoSaysDemo() {
    assertThat(demo.info().flavour()).isEqualTo(BackendFlavour.DEMO);
    assertThat(demo.info().version()).isNotBlank();
  }

  @Test
  void hasDemoUsers() {
    assertThat(demo.users()).extracting(BackendUser::id).containsExactly("1", "2", "3");
    assertThat(demo.users()).extracting(BackendUser::displayName).containsExactly("admin", "anna", "ben");
  }

  // --- search ------------------------------------------------------------------------------

  @Test
  void findsRemakesAndSequelsInAPopularityWeightedOrderLikeTmdb() {
    // like TMDB, the popular sequel may come first: putting the exact title first is the ranker's job
    assertThat(titles(demo.search("dune", "en"))).containsExactly("Dune: Part Two (2024)", "Dune (2021)",
        "Dune: Prophecy (2024)", "Dune (1984)", "Dune: Part Three (2026)");
    // an exact title counts three times its popularity, a title starting with the query one and a half:
    // "Alien" (80) comes before the more popular "Alien: Earth" (120)
    assertThat(titles(demo.search("alien", "en"))).containsExactly("Alien: Romulus (2024)", "Alien (1979)",
        "Alien: Earth (2025)", "Aliens (1986)");
    assertThat(titles(demo.search("The Lion King", "en"))).containsExactly("The Lion King (1994)", "The Lion King (2019)");
  }

  @Test
  void articlesInTheQueryAreOptional() {
    assertThat(titles(demo.search("the office", "en"))).containsExactly(
        "The Office (2005)", "The Office (2001)", "Office Christmas Party (2016)", "Office Space (1999)");
    assertThat(titles(demo.search("office", "en"))).containsExactly(
        "The Office (2005)", "The Office (2001)", "Office Christmas Party (2016)", "Office Space (1999)");
  }

  @Test
  void ignoresCaseAccentsAndPunctuation() {
    assertThat(titles(demo.search("oceans 8", "en"))).containsExactly("Ocean's Eight (2018)");
    assertThat(titles(demo.search("OCEAN'S ELEVEN", "en"))).containsExactly("Ocean's Eleven (2001)", "Ocean's Eleven (1960)");
    assertThat(titles(demo.search("amelie", "en"))).containsExactly("Amélie (2001)");
    assertThat(titles(demo.search("shogun", "en"))).containsExactly("Shōgun (2024)");
    assertThat(titles(demo.search("law and order", "en"))).containsExactly("Law & Order (1990)");
    assertThat(titles(demo.search("spider-man", "en"))).isEmpty();
  }

  @Test
  void findsNumberTitles() {
    assertThat(titles(demo.search("2012", "en"))).containsExactly("2012 (2009)");
    assertThat(titles(demo.search("1917", "en"))).containsExactly("1917 (2019)");
    assertThat(titles(demo.search("300", "en"))).containsExactly("300 (2007)", "300: Rise of an Empire (2014)");
    assertThat(titles(demo.search("blade runner 2049", "en"))).containsExactly("Blade Runner 2049 (2017)");
    assertThat(titles(demo.search("blade runner", "en"))).containsExactly("Blade Runner (1982)", "Blade Runner 2049 (2017)");
  }

  @Test
  void findsOriginalAndGermanTitles() {
    assertThat(titles(demo.search("la casa de papel", "en"))).containsExactly("Money Heist (2017)");
    assertThat(titles(demo.search("기생충", "en"))).containsExactly("Parasite (2019)");
    assertThat(titles(demo.search("die verurteilten", "en"))).containsExactly("The Shawshank Redemption (1994)");
    assertThat(titles(demo.search("haus des geldes", "de"))).containsExactly("Haus des Geldes (2017)");
    MediaItem heist = demo.search("haus des geldes", "de").get(0);
    assertThat(heist.alternativeTitles()).contains("Money Heist");
    assertThat(heist.originalTitle()).isEqualTo("La casa de papel");
  }

  @Test
  void prefixesOfWordsMatchButOtherWordsDoNot() {
    assertThat(titles(demo.search("interst", "en"))).containsExactly("Interstellar (2014)");
    assertThat(titles(demo.search("aliens", "en"))).containsExactly("Aliens (1986)");
    assertThat(demo.search("dune hamlet", "en")).isEmpty();
    assertThat(demo.search("  ", "en")).isEmpty();
  }

  @Test
  void fuzzyFallbackOnlyWhenNothingMatches() {
    assertThat(titles(demo.search("intersteller", "en"))).containsExactly("Interstellar (2014)");
    assertThat(titles(demo.search("the matricks", "en"))).isEmpty(); // two edits away in a 8-letter word: too far
    assertThat(titles(demo.search("parasyte", "en"))).containsExactly("Parasite (2019)");
    // "dark" matches exactly, so no fuzzy "dare"/"park" noise
    assertThat(titles(demo.search("dark", "en"))).containsExactly("The Dark Knight (2008)", "Dark (2017)");
  }

  @Test
  void returnsAtMostTwentyResults() {
    assertThat(demo.search("the", "en")).hasSizeLessThanOrEqualTo(20);
  }

  // --- requests ----------------------------------------------------------------------------

  @Test
  void ownerRequestIsApprovedAndTheFilmIsProcessing() throws Exception {
    RequestRecord r = demo.request(MediaRequest.movie(841, false), Requester.OWNER);
    assertThat(r.id()).isEqualTo("1001");
    assertThat(r.status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(r.mediaStatus()).isEqualTo(Availability.PROCESSING);
    assertThat(r.title()).isEqualTo("Dune");
    assertThat(r.createdAt()).isEqualTo(NOW);
    assertThat(r.requestedBy()).isEqualTo("1");
    assertThat(demo.details(MediaType.MOVIE, 841, "en").status()).isEqualTo(Availability.PROCESSING);
    assertThat(demo.requests(1)).containsExactly(r);
    assertThat(demo.existingRequest(MediaType.MOVIE, 841)).contains(r);
    assertThat(demo.filedRequest(MediaRequest.movie(841, false), Requester.OWNER)).as("the port's default").contains(r);
    assertThat(demo.filedRequest(MediaRequest.movie(841, true), Requester.OWNER)).isEmpty();
    assertThat(demo.filedRequest(MediaRequest.movie(841, false), ANNA)).as("filed as the owner, not as Anna").isEmpty();
  }

  @Test
  void otherUsersRequestAwaitsApproval() throws Exception {
    RequestRecord r = demo.request(MediaRequest.movie(64635, false), ANNA);
    assertThat(r.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
    assertThat(r.requestedBy()).isEqualTo("2");
    assertThat(demo.details(MediaType.MOVIE, 64635, null).status()).isEqualTo(Availability.PENDING);

    DemoCatalogue trusting = new DemoCatalogue(CLOCK, false);
    assertThat(trusting.request(MediaRequest.movie(64635, false), ANNA).status()).isEqualTo(RequestStatus.APPROVED);
  }

  @Test
  void filmAlreadyPendingProcessingOrAvailableIsAlreadyRequested() throws Exception {
    assertError(() -> demo.request(MediaRequest.movie(530915, false), ANNA), BackendError.ALREADY_REQUESTED); // 1917 pending
    assertError(() -> demo.request(MediaRequest.movie(693134, false), ANNA), BackendError.ALREADY_REQUESTED); // processing
    assertError(() -> demo.request(MediaRequest.movie(603, false), ANNA), BackendError.ALREADY_REQUESTED); // available
    demo.request(MediaRequest.movie(329, false), ANNA);
    assertError(() -> demo.request(MediaRequest.movie(329, false), BEN_4K), BackendError.ALREADY_REQUESTED);
  }

  @Test
  void deletedFilmMayBeRequestedAgain() throws Exception {
    assertThat(demo.details(MediaType.MOVIE, 597, null).status()).isEqualTo(Availability.DELETED);
    assertThat(demo.request(MediaRequest.movie(597, false), Requester.OWNER).mediaStatus()).isEqualTo(Availability.PROCESSING);
  }

  @Test
  void blocklistedTitlesCannotBeRequested() {
    assertError(() -> demo.request(MediaRequest.movie(536869, false), Requester.OWNER), BackendError.BLOCKLISTED);
    assertError(() -> demo.request(MediaRequest.tv(200777, null, SeasonSelection.ALL, false), Requester.OWNER),
        BackendError.BLOCKLISTED);
  }

  @Test
  void unknownTitleOrSeasonIsNotFound() {
    assertError(() -> demo.request(MediaRequest.movie(1, false), Requester.OWNER), BackendError.NOT_FOUND);
    assertError(() -> demo.request(MediaRequest.tv(95396, null, SeasonSelection.of(7), false), Requester.OWNER),
        BackendError.NOT_FOUND);
  }

  @Test
  void fourKNeedsTheRightAndTouchesOnlyTheFourKStatus() throws Exception {
    assertError(() -> demo.request(MediaRequest.movie(603, true), ANNA), BackendError.PERMISSION_DENIED);
    RequestRecord r = demo.request(MediaRequest.movie(603, true), BEN_4K);
    assertThat(r.is4k()).isTrue();
    MediaItem matrix = demo.details(MediaType.MOVIE, 603, null);
    assertThat(matrix.status()).isEqualTo(Availability.AVAILABLE);
    assertThat(matrix.status4k()).isEqualTo(Availability.PENDING);
    assertError(() -> demo.request(MediaRequest.movie(438631, true), BEN_4K), BackendError.ALREADY_REQUESTED);
  }

  @Test
  void seriesRequestForAllSeasonsTakesOnlyTheMissingOnes() throws Exception {
    RequestRecord r = demo.request(MediaRequest.tv(2316, 73244, SeasonSelection.ALL, false), Requester.OWNER);
    assertThat(r.seasons()).containsExactly(4, 5, 6, 7, 8, 9);
    MediaItem office = demo.details(MediaType.TV, 2316, null);
    assertThat(office.status()).isEqualTo(Availability.PARTIALLY_AVAILABLE);
    assertThat(office.regularSeasons()).extracting(Season::status).containsExactly(
        Availability.AVAILABLE, Availability.AVAILABLE, Availability.AVAILABLE, Availability.PROCESSING,
        Availability.PROCESSING, Availability.PROCESSING, Availability.PROCESSING, Availability.PROCESSING,
        Availability.PROCESSING);
    assertError(() -> demo.request(MediaRequest.tv(2316, 73244, SeasonSelection.ALL, false), ANNA),
        BackendError.NO_SEASONS_LEFT);
  }

  @Test
  void seriesRequestForNamedSeasons() throws Exception {
    RequestRecord r = demo.request(MediaRequest.tv(2996, null, SeasonSelection.of(2), false), ANNA);
    assertThat(r.seasons()).containsExactly(2);
    assertThat(r.mediaStatus()).isEqualTo(Availability.PENDING);
    MediaItem ukOffice = demo.details(MediaType.TV, 2996, null);
    assertThat(ukOffice.status()).isEqualTo(Availability.PENDING);
    assertThat(ukOffice.regularSeasons()).extracting(Season::status).containsExactly(Availability.UNKNOWN, Availability.PENDING);
    // asking for 1 and 2 files only 1
    assertThat(demo.request(MediaRequest.tv(2996, null, SeasonSelection.of(1, 2), false), ANNA).seasons()).containsExactly(1);
  }

  @Test
  void seasonsAlreadyRequestedOrAvailableLeaveNothing() {
    assertError(() -> demo.request(MediaRequest.tv(95396, null, SeasonSelection.of(2), false), ANNA), BackendError.NO_SEASONS_LEFT);
    assertError(() -> demo.request(MediaRequest.tv(136315, null, SeasonSelection.of(1, 3), false), ANNA), BackendError.NO_SEASONS_LEFT);
    assertError(() -> demo.request(MediaRequest.tv(1396, null, SeasonSelection.ALL, false), ANNA), BackendError.NO_SEASONS_LEFT);
  }

  @Test
  void requestsAreListedNewestFirstAfterTheSeededOnes() throws Exception {
    List<RequestRecord> seeded = demo.requests(100);
    assertThat(seeded).isNotEmpty();
    assertThat(seeded).extracting(RequestRecord::tmdbId).contains(530915, 693134, 95396);
    assertThat(seeded).isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()));
    assertThat(demo.existingRequest(MediaType.TV, 95396)).hasValueSatisfying(r -> {
      assertThat(r.seasons()).containsExactly(2);
      assertThat(r.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
    });

    RequestRecord first = demo.request(MediaRequest.movie(329, false), ANNA);
    RequestRecord second = demo.request(MediaRequest.tv(82856, null, SeasonSelection.ALL, false), BEN_4K);
    assertThat(List.of(first.id(), second.id())).containsExactly("1001", "1002");
    assertThat(demo.requests(2)).containsExactly(second, first);
    assertThat(demo.requests(0)).isEmpty();
  }

  @Test
  void concurrentRequestsForOneFilmFileExactlyOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        attempts.add(pool.submit(() -> {
          try {
            demo.request(MediaRequest.movie(545611, false), ANNA);
            return true;
          } catch (BackendException e) {
            return false;
          }
        }));
      }
      int filed = 0;
      for (Future<Boolean> f : attempts) {
        filed += f.get() ? 1 : 0;
      }
      assertThat(filed).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  interface Call {
    void run() throws Exception;
  }

  private static void assertError(Call call, BackendError expected) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(BackendException.class,
        e -> assertThat(e.error()).isEqualTo(expected));
  }

  private static List<String> titles(List<MediaItem> items) {
    return items.stream().map(i -> i.title() + " (" + i.year() + ")").toList();
  }
}
