package dev.overtalkerr.conversation;

import dev.overtalkerr.ranking.Ranker;
import dev.overtalkerr.conversation.Commands;
import dev.overtalkerr.requesting.Requesters;
import dev.overtalkerr.understanding.UtteranceParser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.backend.DemoCatalogue;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.testing.MutableClock;
import dev.overtalkerr.understanding.Expect;
import dev.overtalkerr.domain.TurnBudget;
import dev.overtalkerr.requesting.RequestDesk;
import dev.overtalkerr.conversation.Reply.State;
import dev.overtalkerr.tracking.RequestLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole conversations against the demo catalogue, as people would hold them. */
class DialogEngineTest {
  @TempDir Path data;
  private MutableClock clock;
  private DemoCatalogue catalogue;
  private DialogEngine engine;
  private StructuredCommands commands;

  @BeforeEach
  void setUp() {
    engine = engine("owner", List.of());
  }

  private DialogEngine engine(String defaultUser, List<Settings.UserRule> rules) {
    clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    return engine(defaultUser, rules, clock);
  }

  private DialogEngine engine(String defaultUser, List<Settings.UserRule> rules, MutableClock clock) {
    catalogue = new DemoCatalogue(clock);
    Settings loaded = new SettingsLoader(Map.of("MOCK_BACKEND", "true", "OVERTALKERR_DATA_DIR", data.toString()))
        .load(Optional.empty(), Optional.empty(), true);
    Settings settings = new Settings(loaded.backend(), loaded.mqtt(), loaded.dialog(),
        new Settings.Users(defaultUser, false, rules), loaded.dataDir(), loaded.logging());
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    RequestLedger ledger = new RequestLedger(settings, json);
    commands = new StructuredCommands(new UtteranceParser(clock), new Ranker(clock), catalogue,
        new Replies(new Speech(), new Languages(settings)), new Requesters(settings), new RequestDesk(catalogue, ledger, clock),
        new Languages(settings));
    return new DialogEngine(new UtteranceParser(clock), new Ranker(clock), catalogue, new Speech(), new Requesters(settings),
        ledger, settings, clock);
  }

  private Reply say(String text) {
    return say("kitchen", text, "en");
  }

  private Reply say(String satellite, String text, String language) {
    return engine.handle(new Turn(text, null, null, null, language, satellite, null, null, null));
  }

  private List<RequestRecord> filed() throws Exception {
    return catalogue.requests(500).stream().filter(r -> Integer.parseInt(r.id()) > 1000).toList();
  }

  @Test
  void offersTheBestMatchWalksToTheNextOnNoAndRequestsOnYes() throws Exception {
    Reply offer = say("download dune");
    assertThat(offer.state()).isEqualTo(State.OFFER);
    assertThat(offer.expect()).isEqualTo(Expect.CONFIRM);
    assertThat(offer.candidate().tmdbId()).isEqualTo(438631);
    assertThat(offer.speech()).contains("Dune", "2021", "film", "already in your library", "Is that the one you meant?");

    Reply next = say("No.");
    assertThat(next.state()).isEqualTo(State.OFFER);
    assertThat(next.candidate().year()).isEqualTo(1984);
    assertThat(next.speech()).contains("Shall I request it?");

    Reply done = say("yes please");
    assertThat(done.state()).isEqualTo(State.REQUESTED);
    assertThat(done.end()).isTrue();
    assertThat(done.request()).isNotNull();
    assertThat(filed()).singleElement().satisfies(r -> {
      assertThat(r.tmdbId()).isEqualTo(841);
      assertThat(r.type()).isEqualTo(MediaType.MOVIE);
    });
  }

  @Test
  void askingTwiceFilesOneRequestAndSaysItIsAlreadyRequested() throws Exception {
    say("download aliens");
    assertThat(say("yes").state()).isEqualTo(State.REQUESTED);
    Reply again = say("living-room", "download aliens", "en");
    assertThat(again.speech()).contains("already being downloaded");
    Reply yes = say("living-room", "yeah that's the one", "en");
    assertThat(yes.state()).isEqualTo(State.ALREADY_REQUESTED);
    assertThat(yes.speech()).contains("already being downloaded");
    assertThat(filed()).hasSize(1);
  }

  @Test
  void aRefinementByYearNarrowsTheOffer() {
    say("download dune");
    Reply older = say("the one from 1984");
    assertThat(older.state()).isEqualTo(State.OFFER);
    assertThat(older.candidate().year()).isEqualTo(1984);
  }

  @Test
  void theNewerAndTheOlderOneRefineAmongRemakes() {
    Reply first = say("get the lion king");
    assertThat(first.candidate().title()).isEqualTo("The Lion King");
    int firstYear = first.candidate().year();
    Reply other = say(firstYear == 1994 ? "the newer one" : "the older one");
    assertThat(other.candidate().title()).isEqualTo("The Lion King");
    assertThat(other.candidate().year()).isNotEqualTo(firstYear);
  }

  @Test
  void aFilmAndASeriesOfTheSameNameAskWhichOneThenTheSeasonQuestionFollows() throws Exception {
    Reply question = say("download fargo");
    assertThat(question.state()).isEqualTo(State.QUESTION);
    assertThat(question.expect()).isEqualTo(Expect.MEDIA_TYPE);
    assertThat(question.speech()).contains("film", "series");

    Reply offer = say("the series");
    assertThat(offer.state()).isEqualTo(State.OFFER);
    assertThat(offer.candidate().type()).isEqualTo(MediaType.TV);
    assertThat(offer.speech()).contains("Seasons 1 to 3 are in your library", "seasons 4 and 5 are not");

    Reply season = say("yes");
    assertThat(season.state()).isEqualTo(State.QUESTION);
    assertThat(season.expect()).isEqualTo(Expect.SEASON);

    Reply done = say("season four");
    assertThat(done.state()).isEqualTo(State.REQUESTED);
    assertThat(done.request().seasons()).containsExactly(4);
    assertThat(filed()).singleElement().extracting(RequestRecord::seasons).isEqualTo(List.of(4));
  }

  @Test
  void aSpokenSeasonIsRequestedWithoutAQuestion() throws Exception {
    Reply offer = say("download season five of fargo");
    assertThat(offer.candidate().type()).isEqualTo(MediaType.TV);
    assertThat(offer.speech()).contains("season 5");
    Reply done = say("sure go ahead");
    assertThat(done.state()).isEqualTo(State.REQUESTED);
    assertThat(done.request().seasons()).containsExactly(5);
  }

  @Test
  void aSeasonThatIsThereOrRequestedIsNotRequestedAgain() throws Exception {
    Reply offer = say("download season two of severance");
    assertThat(offer.speech()).contains("waiting for approval");
    assertThat(say("yes").state()).isEqualTo(State.ALREADY_REQUESTED);
    say("download season 1 of severance");
    Reply there = say("yes");
    assertThat(there.state()).isEqualTo(State.ALREADY_AVAILABLE);
    assertThat(there.speech()).contains("Season 1 of Severance is already in your library");
    assertThat(filed()).isEmpty();
  }

  @Test
  void theLatestAndTheNextSeasonAreUnderstood() throws Exception {
    say("download the latest season of the bear");
    Reply latest = say("yes");
    assertThat(latest.state()).isEqualTo(State.REQUESTED);
    assertThat(latest.request().seasons()).containsExactly(4);

    say("download the next season of stranger things");
    Reply next = say("yes");
    assertThat(next.request().seasons()).containsExactly(5);
  }

  @Test
  void allSeasonsRequestsOnlyTheMissingOnes() throws Exception {
    say("download the office");
    Reply older = say("the older one");
    assertThat(older.candidate().year()).isEqualTo(2001);
    Reply question = say("yes");
    assertThat(question.expect()).isEqualTo(Expect.SEASON);
    Reply all = say("all of them");
    assertThat(all.state()).isEqualTo(State.REQUESTED);
    assertThat(all.request().seasons()).containsExactly(1, 2);
  }

  @Test
  void somethingAlreadyInTheLibraryIsNeverRequested() throws Exception {
    Reply offer = say("get breaking bad");
    assertThat(offer.speech()).contains("already in your library", "Is that the one you meant?");
    Reply yes = say("yes");
    assertThat(yes.state()).isEqualTo(State.ALREADY_AVAILABLE);
    assertThat(yes.speech()).contains("already in your library", "Shall I play it?");
    assertThat(yes.expect()).isEqualTo(Expect.PLAY);
    assertThat(yes.end()).isFalse();
    Reply play = say("yes please");
    assertThat(play.state()).isEqualTo(State.PLAY);
    assertThat(play.end()).isTrue();
    assertThat(play.candidate().title()).isEqualTo("Breaking Bad");
    assertThat(filed()).isEmpty();
  }

  @Test
  void noToPlayingEndsTheDialogAndPlayingCanBeSwitchedOff() throws Exception {
    say("get breaking bad");
    assertThat(say("yes").expect()).isEqualTo(Expect.PLAY);
    Reply no = say("no thanks");
    assertThat(no.state()).isEqualTo(State.GOODBYE);
    assertThat(no.end()).isTrue();
    Reply german = say("kitchen", "hol breaking bad", "de");
    assertThat(say("kitchen", "ja", "de").speech()).contains("Soll ich es abspielen?");
    assertThat(say("kitchen", "ja", "de").state()).isEqualTo(State.PLAY);
    assertThat(german.state()).isEqualTo(State.OFFER);

    Settings loaded = new SettingsLoader(Map.of("MOCK_BACKEND", "true", "OVERTALKERR_DATA_DIR", data.toString()))
        .load(Optional.empty(), Optional.empty(), true);
    Settings quiet = new Settings(loaded.backend(), loaded.mqtt(),
        new Settings.Dialog("en", loaded.dialog().sessionTimeout(), loaded.dialog().maxCandidates(), false),
        loaded.users(), loaded.dataDir(), loaded.logging());
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    engine = new DialogEngine(new UtteranceParser(clock), new Ranker(clock), catalogue, new Speech(), new Requesters(quiet),
        new RequestLedger(quiet, json), quiet, clock);
    say("get breaking bad");
    Reply yes = say("yes");
    assertThat(yes.state()).isEqualTo(State.ALREADY_AVAILABLE);
    assertThat(yes.speech()).contains("Enjoy");
    assertThat(yes.end()).isTrue();
  }

  @Test
  void aBlocklistedTitleIsExplainedNotRequested() throws Exception {
    Reply offer = say("download cats");
    assertThat(offer.speech()).contains("blocklisted");
    Reply yes = say("yes");
    assertThat(yes.state()).isEqualTo(State.ERROR);
    assertThat(yes.error().code()).isEqualTo("blocklisted");
    assertThat(filed()).isEmpty();
  }

  @Test
  void cancelEndsTheDialogAndYesAfterwardsHasNothingToConfirm() throws Exception {
    say("download dune");
    Reply cancelled = say("never mind");
    assertThat(cancelled.state()).isEqualTo(State.CANCELLED);
    assertThat(cancelled.end()).isTrue();
    Reply yes = say("yes");
    assertThat(yes.state()).isEqualTo(State.HELP);
    assertThat(yes.speech()).startsWith("There's nothing to confirm");
    assertThat(yes.end()).as("a stray yes does not keep a satellite listening").isTrue();
    assertThat(filed()).isEmpty();
  }

  @Test
  void helpDependsOnWhereTheDialogIs() {
    Reply idle = say("help");
    assertThat(idle.state()).isEqualTo(State.HELP);
    assertThat(idle.speech()).contains("download Dune");
    say("download dune");
    Reply offering = say("what can I say");
    assertThat(offering.state()).isEqualTo(State.HELP);
    assertThat(offering.expect()).isEqualTo(Expect.CONFIRM);
    assertThat(offering.speech()).contains("Say yes");
  }

  @Test
  void nothingFoundAndTheEndOfTheListAreSaid() {
    Reply none = say("download zzqqxxvv");
    assertThat(none.state()).isEqualTo(State.NOT_FOUND);
    assertThat(none.end()).isTrue();

    say("download psycho");
    Reply r = say("no");
    int guard = 0;
    while (r.state() == State.OFFER && guard++ < 20) {
      r = say("next");
    }
    assertThat(r.state()).isEqualTo(State.NO_MORE_RESULTS);
    assertThat(r.end()).isFalse();
    assertThat(r.expect()).isEqualTo(Expect.TITLE);
    Reply other = say("the matrix");
    assertThat(other.state()).isEqualTo(State.OFFER);
    assertThat(other.candidate().title()).isEqualTo("The Matrix");
  }

  @Test
  void aSessionExpiresAfterTheIdleTime() throws Exception {
    say("download aliens");
    clock.now = clock.now.plus(Duration.ofMinutes(6));
    Reply yes = say("yes");
    assertThat(yes.state()).isEqualTo(State.HELP);
    assertThat(yes.end()).isTrue();
    assertThat(filed()).isEmpty();
  }

  @Test
  void sessionsAreKeptApartBySatellite() throws Exception {
    say("kitchen", "download aliens", "en");
    say("bedroom", "download dune", "en");
    Reply kitchen = say("kitchen", "yes", "en");
    assertThat(kitchen.candidate().title()).isEqualTo("Aliens");
  }

  @Test
  void anUnmappedPersonIsPolitelyRefusedWhenThereIsNoDefault() throws Exception {
    engine = engine("none", List.of(new Settings.UserRule(null, "assist_satellite.den", "2", false)));
    say("kitchen", "download aliens", "en");
    Reply refused = say("kitchen", "yes", "en");
    assertThat(refused.state()).isEqualTo(State.ERROR);
    assertThat(refused.error().code()).isEqualTo("user_not_mapped");
    assertThat(filed()).isEmpty();

    say("assist_satellite.den", "download aliens", "en");
    Reply filedAsAnna = say("assist_satellite.den", "yes", "en");
    assertThat(filedAsAnna.state()).isEqualTo(State.REQUESTED);
    assertThat(filed()).singleElement().extracting(RequestRecord::requestedBy).isEqualTo("2");
  }

  @Test
  void fourKIsRequestedOnlyWhereAllowed() throws Exception {
    engine = engine("owner", List.of(new Settings.UserRule(null, "assist_satellite.den", "2", true)));
    Reply offer = say("kitchen", "download the dark knight in 4k", "en");
    assertThat(offer.speech()).contains("4K copies aren't allowed");
    assertThat(say("kitchen", "yes", "en").state()).isEqualTo(State.ALREADY_AVAILABLE);

    say("assist_satellite.den", "download the dark knight in 4k", "en");
    Reply fourK = say("assist_satellite.den", "yes", "en");
    assertThat(fourK.state()).isEqualTo(State.REQUESTED);
    assertThat(fourK.request().is4k()).isTrue();
    MediaItem after = catalogue.details(MediaType.MOVIE, 155, "en");
    assertThat(after.status4k()).isNotEqualTo(Availability.UNKNOWN);
  }

  @Test
  void germanIsUnderstoodAndSpoken() throws Exception {
    Reply offer = say("wohnzimmer", "Lade Dune herunter", "de");
    assertThat(offer.state()).isEqualTo(State.OFFER);
    assertThat(offer.speech()).startsWith("Ich habe Dune gefunden, den Film von 2021.");
    Reply next = say("wohnzimmer", "Nein, der nächste", "de");
    assertThat(next.candidate().year()).isEqualTo(1984);
    assertThat(next.speech()).contains("Soll ich das anfordern?");
    Reply done = say("wohnzimmer", "Ja, bitte.", "de-DE");
    assertThat(done.state()).isEqualTo(State.REQUESTED);
    assertThat(done.speech()).contains("angefordert");
  }

  @Test
  void germanSeasonQuestionAndAnswer() throws Exception {
    say("wohnzimmer", "Such Haus des Geldes", "de");
    Reply question = say("wohnzimmer", "ja", "de");
    assertThat(question.expect()).isEqualTo(Expect.SEASON);
    assertThat(question.speech()).contains("Staffeln");
    Reply done = say("wohnzimmer", "Staffel zwei", "de");
    assertThat(done.state()).isEqualTo(State.REQUESTED);
    assertThat(done.request().seasons()).containsExactly(2);
    assertThat(done.speech()).contains("Staffel 2");
  }

  @Test
  void theSentenceTriggersSlotsAndHintsAreUsed() throws Exception {
    Reply offer = engine.handle(new Turn("download season 2 of money heist", "season", "money heist", "2", "en", "den", null, null, null));
    assertThat(offer.candidate().title()).isEqualTo("Money Heist");
    Reply yes = engine.handle(new Turn("jawohl", "confirm", null, null, "en", "den", null, null, null));
    assertThat(yes.state()).isEqualTo(State.REQUESTED);
    assertThat(yes.request().seasons()).containsExactly(2);
  }

  @Test
  void theSearchCommandListsSeriesWithTheirSeasons() {
    Commands.SearchResult result = commands.search(new Commands.Search("the office", MediaType.TV, null, 5,
        new Commands.Context(null, null, null, null)), TurnBudget.NONE);
    assertThat(result.error()).isNull();
    assertThat(result.results()).isNotEmpty().allMatch(i -> i.type() == MediaType.TV);
    assertThat(result.results().get(0).seasons()).isNotEmpty();
  }

  @Test
  void theRequestCommandFilesByIdOnceAndRefusesWhatIsThere() throws Exception {
    var context = new Commands.Context(null, null, null, null);
    Reply first = commands.request(new Commands.Request(679, MediaType.MOVIE, null, null, null, false, false, context), TurnBudget.NONE);
    assertThat(first.state()).isEqualTo(State.REQUESTED);
    Reply second = commands.request(new Commands.Request(679, MediaType.MOVIE, null, null, null, false, false, context), TurnBudget.NONE);
    assertThat(second.state()).isEqualTo(State.ALREADY_REQUESTED);
    Reply there = commands.request(new Commands.Request(null, null, "breaking bad", null, null, true, false, context), TurnBudget.NONE);
    assertThat(there.state()).isEqualTo(State.ALREADY_AVAILABLE);
    Reply seasons = commands.request(new Commands.Request(60059, MediaType.TV, null, null, List.of(1, 2), false, false, context), TurnBudget.NONE);
    assertThat(seasons.state()).isEqualTo(State.REQUESTED);
    assertThat(seasons.request().seasons()).containsExactly(1, 2);
    assertThat(filed()).hasSize(2);
  }

  @Test
  void theSeasonQuestionTakesShortAnswers() throws Exception {
    say("download fargo");
    say("the series");
    assertThat(say("yes").expect()).isEqualTo(Expect.SEASON);
    Reply latest = say("the latest");
    assertThat(latest.state()).isEqualTo(State.REQUESTED);
    assertThat(latest.request().seasons()).containsExactly(5);

    say("wohnzimmer", "Lade Snowpiercer herunter", "de");
    say("wohnzimmer", "die Serie", "de");
    assertThat(say("wohnzimmer", "ja", "de").expect()).isEqualTo(Expect.SEASON);
    Reply vier = say("wohnzimmer", "vier", "de");
    assertThat(vier.request().seasons()).containsExactly(4);
  }

  @Test
  void helpOnAnOfferNamesTheTitleOnce() {
    say("download sherlock");
    Reply help = say("help");
    assertThat(help.speech()).startsWith("I'm offering Sherlock. Say yes");
  }

  @Test
  void aNewRequestDuringTheSeasonQuestionIsANewRequestNotASeason() throws Exception {
    say("request better call saul");
    assertThat(say("yes").expect()).isEqualTo(Expect.SEASON);
    Reply other = say("request the mandalorian season 2");
    assertThat(other.state()).isEqualTo(State.OFFER);
    assertThat(other.candidate().title()).isEqualTo("The Mandalorian");
    assertThat(filed()).isEmpty();

    say("request better call saul");
    say("yes");
    Reply fourK = say("no I want 4 k");
    assertThat(fourK.state()).isNotEqualTo(State.REQUESTED);
    assertThat(filed()).isEmpty();

    say("request better call saul");
    say("yes");
    Reply monkeys = say("download 12 monkeys");
    assertThat(monkeys.speech()).doesNotContain("season 12");
    assertThat(filed()).isEmpty();

    say("request better call saul");
    say("yes");
    Reply same = say("season 6 of better call saul");
    assertThat(same.state()).isEqualTo(State.REQUESTED);
    assertThat(same.request().seasons()).containsExactly(6);
  }

  @Test
  void theTitleSlotOfTheSentenceTriggerIsTheTitle() {
    Reply offer = engine.handle(new Turn("fordere irgendwie dune bitte jetzt gleich an", "request", "dune", null, "de", "den", null, null, null));
    assertThat(offer.state()).isEqualTo(State.OFFER);
    assertThat(offer.candidate().title()).isEqualTo("Dune");
    Reply season = engine.handle(new Turn("download season two of the bear", "season", "the bear", null, "en", "den2", null, null, null));
    assertThat(season.candidate().title()).isEqualTo("The Bear");
    assertThat(season.speech()).contains("season 2");
  }

  @Test
  void openOvertalkerrWelcomesEvenWithTheHelpHint() {
    Reply welcome = engine.handle(new Turn("open overtalkerr", "help", null, null, "en", "den", null, null, null));
    assertThat(welcome.state()).isEqualTo(State.WELCOME);
    assertThat(welcome.expect()).isEqualTo(Expect.TITLE);
  }

  @Test
  void theLedgerGuardsARecentRequestAcrossRestartsButNeverForever() throws Exception {
    say("download aliens");
    assertThat(say("yes").state()).isEqualTo(State.REQUESTED);
    // a restart: a new engine on the same data folder; the backend has lost the request (declined, deleted)
    engine = engine("owner", List.of(), clock);
    say("download aliens");
    assertThat(say("yes").state()).as("recent: not filed twice").isEqualTo(State.ALREADY_REQUESTED);
    assertThat(filed()).isEmpty();
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    engine = engine("owner", List.of(), clock);
    say("download aliens");
    assertThat(say("yes").state()).as("declined long ago: may be asked again").isEqualTo(State.REQUESTED);
  }

  @Test
  void theLatestAndTheNextSeasonAreNamedInTheOffer() {
    Reply latest = say("download the latest season of squid game");
    assertThat(latest.speech()).contains("You asked for season 3.");
    Reply next = say("download the next season of the bear");
    assertThat(next.speech()).contains("You asked for season 4.");
    Reply all = say("download all seasons of money heist");
    assertThat(all.speech()).contains("You asked for all seasons.");
  }

  @Test
  void theOfferSpeaksOfTheCopyAndTheSeasonThatWouldBeRequested() throws Exception {
    Reply there = say("download season 2 of the bear");
    assertThat(there.speech()).contains("Season 2 is already in your library", "Is that the one you meant?");
    Reply missing = say("download season twelve of the office");
    assertThat(missing.state()).isEqualTo(State.QUESTION);
    assertThat(missing.expect()).isEqualTo(Expect.SEASON);
    assertThat(missing.speech()).contains("doesn't have season 12", "9 seasons");
    Reply allRequested = say("download season five of succession");
    assertThat(allRequested.state()).isEqualTo(State.ALREADY_REQUESTED);
    assertThat(allRequested.end()).isTrue();
    Reply noFourK = say("download game of thrones season 8 in 4k");
    assertThat(noFourK.speech()).contains("4K copies aren't allowed", "regular copy", "already in your library", "Is that the one you meant?");
    Reply upcoming = say("download avengers doomsday");
    assertThat(upcoming.speech()).contains("isn't out yet");
    assertThat(say("yes").speech()).contains("when it comes out");
    assertThat(filed()).hasSize(1);
  }

  @Test
  void aRequestHintWithATitleSlotIsARequestEvenWhenItSoundsLikeAnAnswer() {
    Reply it = engine.handle(new Turn("download it", "request", "it", null, "en", "den", null, null, null));
    assertThat(it.expect()).as("a film and a series are called It").isEqualTo(Expect.MEDIA_TYPE);
    assertThat(it.speech()).contains("called It");
    Reply mir = engine.handle(new Turn("lade mir dune herunter", "request", "mir dune", null, "de", "den2", null, null, null));
    assertThat(mir.candidate().title()).isEqualTo("Dune");
  }

  @Test
  void anUnreadableRefinementKeepsTheOffer() throws Exception {
    say("download the office");
    Reply british = say("no the british one");
    assertThat(british.state()).isEqualTo(State.OFFER);
    assertThat(british.candidate().year()).as("the next match").isEqualTo(2001);
    Reply gaga = say("the one with lady gaga");
    assertThat(gaga.state()).isEqualTo(State.OFFER);
    assertThat(gaga.speech()).startsWith("I didn't catch a new title in that.");
    assertThat(gaga.candidate().year()).as("still the same offer").isEqualTo(2001);
    assertThat(say("yes please").expect()).isEqualTo(Expect.SEASON);
  }

  @Test
  void followUpRefinementsWithThePlainRequestHintNarrowTheOffer() {
    say("download dune");
    Reply older = engine.handle(new Turn("the one from 1984", "request", null, null, "en", "kitchen", null, null, null));
    assertThat(older.candidate().year()).isEqualTo(1984);
  }

  @Test
  void severalSeasonsAreRequestedTogether() throws Exception {
    say("download the office");
    assertThat(say("yes").expect()).isEqualTo(Expect.SEASON);
    Reply range = say("seasons four to six");
    assertThat(range.state()).isEqualTo(State.REQUESTED);
    assertThat(range.request().seasons()).containsExactly(4, 5, 6);
    Reply pair = say("download seasons 1 and 3 of better call saul");
    assertThat(pair.speech()).contains("You asked for seasons 1 and 3.");
    assertThat(say("yes").request().seasons()).containsExactly(1, 3);
    say("wohnzimmer", "Lade die Staffeln 2 bis 3 von Babylon Berlin herunter", "de");
    Reply de = say("wohnzimmer", "ja", "de");
    assertThat(de.request().seasons()).containsExactly(2, 3);
    Reply there = say("download seasons 1 to 3 of the office");
    assertThat(say("yes").state()).isEqualTo(State.ALREADY_AVAILABLE);
    assertThat(filed()).hasSize(3);
  }

  @Test
  void germanObjectArticlesStillFindTheTitle() {
    Reply koenig = say("wohnzimmer", "Lade den König der Löwen herunter", "de");
    assertThat(koenig.state()).isEqualTo(State.OFFER);
    assertThat(koenig.candidate().title()).isEqualTo("Der König der Löwen");
  }

  @Test
  void aCorrectionAfterNoAsksForTheNewTitle() {
    say("download dune");
    Reply dark = say("no, dark");
    assertThat(dark.candidate().title()).isEqualTo("Dark");
    say("download dune");
    Reply instead = say("actually make that gladiator 2");
    assertThat(instead.candidate().title()).isEqualTo("Gladiator II");
    say("wohnzimmer", "lade dune herunter", "de");
    assertThat(say("wohnzimmer", "nein, lieber dark", "de").candidate().title()).isEqualTo("Dark");
  }

  @Test
  void bareNumbersNameTheSeasonOfTheSeriesOnOffer() throws Exception {
    say("request the office");
    Reply two = say("2");
    assertThat(two.candidate().title()).isEqualTo("The Office");
    assertThat(two.speech()).contains("You asked for season 2.");
    say("request better call saul");
    assertThat(say("yes").expect()).isEqualTo(Expect.SEASON);
    Reply one = say("one");
    assertThat(one.state()).isEqualTo(State.REQUESTED);
    assertThat(one.request().seasons()).containsExactly(1);
  }

  @Test
  void anUnreadableAnswerToTheSeasonQuestionAsksAgain() {
    say("request better call saul");
    say("yes");
    Reply again = say("the lot of them if you would be so kind");
    assertThat(again.state()).isEqualTo(State.QUESTION);
    assertThat(again.expect()).isEqualTo(Expect.SEASON);
    assertThat(again.end()).isFalse();
  }

  @Test
  void oneMissingSeasonIsRequestedWithoutAQuestion() throws Exception {
    say("download stranger things");
    Reply yes = say("yes");
    assertThat(yes.state()).isEqualTo(State.REQUESTED);
    assertThat(yes.request().seasons()).containsExactly(5);
  }

  @Test
  void severalSeasonsThatDoNotAllExistAreAskedAbout() throws Exception {
    say("request seasons 1 and 3 of the office from 2001");
    Reply question = say("yes");
    assertThat(question.expect()).isEqualTo(Expect.SEASON);
    assertThat(question.speech()).contains("doesn't have season 3");
    assertThat(filed()).isEmpty();
  }

  @Test
  void downloadItWhileSomethingIsOnOfferMeansYes() throws Exception {
    say("den", "download aliens", "en");
    Reply it = engine.handle(new Turn("download it", "request", "it", null, "en", "den", null, null, null));
    assertThat(it.state()).isEqualTo(State.REQUESTED);
    assertThat(it.candidate().title()).isEqualTo("Aliens");
  }

  @Test
  void aRecentRequestForSomeSeasonsFilesOnlyTheOthers() throws Exception {
    say("download season five of better call saul");
    assertThat(say("yes").request().seasons()).containsExactly(5);
    // the backend has not caught up yet: a new engine on the same ledger and a fresh catalogue
    engine = engine("owner", List.of(), clock);
    say("download seasons 5 and 6 of better call saul");
    Reply both = say("yes");
    assertThat(both.state()).isEqualTo(State.REQUESTED);
    assertThat(both.request().seasons()).containsExactly(6);
  }

  @Test
  void doubtIsNeverAYesAndFillerRepeatsTheOffer() throws Exception {
    say("get jurassic park");
    Reply unsure = say("hmm not sure");
    assertThat(unsure.state()).isEqualTo(State.HELP);
    assertThat(unsure.expect()).isEqualTo(Expect.CONFIRM);
    Reply hmm = say("hmm");
    assertThat(hmm.expect()).isEqualTo(Expect.CONFIRM);
    say("wohnzimmer", "hol mir das boot", "de");
    assertThat(say("wohnzimmer", "äh wie bitte", "de").state()).isEqualTo(State.HELP);
    assertThat(filed()).isEmpty();
    assertThat(say("yes").state()).isEqualTo(State.REQUESTED);
  }

  @Test
  void repeatedNosAndWaitsBeforeACorrection() {
    say("get dune");
    assertThat(say("no wait i mean interstellar").candidate().title()).isEqualTo("Interstellar");
    say("get the lion king");
    assertThat(say("no no no the matrix").candidate().title()).isEqualTo("The Matrix");
    say("get inception");
    assertThat(say("actually interstellar").candidate().title()).isEqualTo("Interstellar");
  }

  @Test
  void seasonsWithoutTheWordSeasonAndPositions() throws Exception {
    say("get better call saul");
    say("yes");
    Reply two = say("two to four");
    assertThat(two.request().seasons()).containsExactly(2, 3, 4);
    say("get sherlock holmes");
    Reply second = say("the second one");
    assertThat(second.candidate().title()).isNotEqualTo("Sherlock Holmes");
  }

  @Test
  void seasonsThatDoNotExistWhenThereIsNothingToChoose() {
    Reply chernobyl = say("get chernobyl season 2");
    assertThat(chernobyl.speech()).contains("only one season");
    assertThat(chernobyl.expect()).isEqualTo(Expect.CONFIRM);
    Reply breaking = say("get breaking bad season 6");
    assertThat(breaking.end()).isTrue();
    assertThat(breaking.speech()).contains("doesn't have season 6");
  }

  @Test
  void getItWithNothingOnOfferIsTheFilmIt() {
    Reply it = say("get it");
    assertThat(it.speech()).contains("called It");
    Reply no = say("den", "open overtalkerr", "en");
    assertThat(no.state()).isEqualTo(State.WELCOME);
    assertThat(say("den", "no", "en").end()).isTrue();
  }

  @Test
  void aQuestionAboutATitleIsAnsweredFromItsStatus() {
    Reply ready = say("is dune ready yet");
    assertThat(ready.state()).isEqualTo(State.ALREADY_AVAILABLE);
    assertThat(ready.speech()).startsWith("Dune is already in your library");
    assertThat(ready.expect()).isEqualTo(Expect.PLAY);
    Reply coming = say("den", "is dune part two available", "en");
    assertThat(coming.state()).isEqualTo(State.ALREADY_REQUESTED);
    assertThat(coming.end()).isTrue();
    Reply missing = say("den", "has ocean's twelve arrived", "en");
    assertThat(missing.state()).isEqualTo(State.OFFER);
    assertThat(missing.speech()).startsWith("Ocean's Twelve isn't in your library yet.").endsWith("Shall I request it?");
    assertThat(say("den", "yes", "en").state()).isEqualTo(State.REQUESTED);
    Reply german = say("bad", "ist der wüstenplanet schon da", "de");
    assertThat(german.speech()).startsWith("Der Wüstenplanet ist noch nicht in deiner Bibliothek.");
  }

  @Test
  void whatDidIAskForAndWhatIsDownloadingComeFromTheRequestsMadeHere() throws Exception {
    assertThat(say("what did I ask for").speech()).isEqualTo("You haven't asked me for anything in the last month.");
    say("download ocean's twelve");
    assertThat(say("yes").state()).isEqualTo(State.REQUESTED);
    say("get season 1 of snowpiercer");
    assertThat(say("yes").state()).isEqualTo(State.REQUESTED);
    Reply mine = say("what did I ask for");
    assertThat(mine.state()).isEqualTo(State.STATUS);
    assertThat(mine.speech()).startsWith("You asked for ").contains("Ocean's Twelve, ").contains("season 1 of Snowpiercer, ");
    Reply downloading = say("den", "what's downloading", "en");
    assertThat(downloading.speech()).startsWith("On its way: ");
    Reply german = say("bad", "was habe ich angefragt", "de");
    assertThat(german.speech()).startsWith("Du hast angefragt: ");
    assertThat(filed()).hasSize(2);
  }

  @Test
  void hangOnKeepsTheOfferAndTheSeasonQuestion() {
    say("download dune");
    Reply wait = say("hang on, let me think");
    assertThat(wait.end()).isFalse();
    assertThat(wait.expect()).isEqualTo(Expect.CONFIRM);
    assertThat(wait.speech()).isEqualTo("Take your time. I'm listening.");
    assertThat(say("no").state()).isEqualTo(State.OFFER);
    say("den", "get the office", "en");
    Reply moment = say("den", "einen moment", "de");
    assertThat(moment.end()).isFalse();
    assertThat(say("den", "the american one", "en").end()).isFalse();
  }

  @Test
  void aYesToSomethingThereAlreadyIsToldAsADuplicateAndAFilingAsFiled() {
    List<dev.overtalkerr.domain.RequestEvents.Filing> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    Settings settings = new SettingsLoader(Map.of("MOCK_BACKEND", "true", "OVERTALKERR_DATA_DIR", data.toString()))
        .load(Optional.empty(), Optional.empty(), true);
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    RequestLedger ledger = new RequestLedger(settings, json);
    Languages languages = new Languages(settings);
    engine = new DialogEngine(new dev.overtalkerr.understanding.Interpreter(new UtteranceParser(clock)), new Ranker(clock), catalogue,
        new Replies(new Speech(), languages), new Requesters(settings), new RequestDesk(catalogue, ledger, clock, told::add),
        new RequestsOverview(new dev.overtalkerr.tracking.RequestTracker(catalogue, settings, json, clock), clock), languages, settings, clock);
    say("get breaking bad");
    say("yes");
    say("den", "download ocean's twelve", "en");
    say("den", "yes", "en");
    assertThat(told).extracting(f -> f.outcome().name() + " " + f.item().title())
        .containsExactly("DUPLICATE Breaking Bad", "FILED Ocean's Twelve");
    assertThat(told.get(1).satelliteId()).isEqualTo("den");
  }

  @Test
  void whatIsSaidOfTheOneMeantChoosesAmongTheMatchesOnOffer() {
    Reply first = say("get oldboy");
    assertThat(first.candidate().year()).isEqualTo(2003);
    Reply american = say("no, the american one");
    assertThat(american.state()).isEqualTo(State.OFFER);
    assertThat(american.candidate().year()).isEqualTo(2013);
    Reply korean = say("den", "download the korean oldboy", "en");
    assertThat(korean.candidate().year()).isEqualTo(2003);
    say("bad", "get the lion king", "en");
    Reply animated = say("bad", "the animated one", "en");
    assertThat(animated.state()).isEqualTo(State.OFFER);
    assertThat(animated.candidate().year()).isEqualTo(1994);
    Reply remake = say("bad", "the live action one", "en");
    assertThat(remake.candidate().year()).isEqualTo(2019);
  }
}
