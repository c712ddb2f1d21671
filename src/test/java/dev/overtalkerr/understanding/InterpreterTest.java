package dev.overtalkerr.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A turn read in the context of the conversation: the same words mean different things. */
class InterpreterTest {
  private final Interpreter interpreter =
      new Interpreter(new UtteranceParser(Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC)));
  private static final DialogContext OFFERING_FILM = new DialogContext(Expect.CONFIRM, "Dune", false);
  private static final DialogContext OFFERING_SERIES = new DialogContext(Expect.CONFIRM, "Severance", true);
  private static final DialogContext ASKING_SEASON = new DialogContext(Expect.SEASON, "Severance", true);

  private Interpretation read(String text, DialogContext context) {
    return read(text, "en", context);
  }

  private Interpretation read(String text, String language, DialogContext context) {
    return interpreter.interpret(new Utterance(text, null, null, null, language), context);
  }

  @Test
  void getItIsTheFilmItWithNothingOnOfferAndYesWithAnOffer() {
    assertThat(read("get it", DialogContext.NONE).understanding().title()).isEqualTo("it");
    assertThat(read("get it", DialogContext.NONE).intent()).isEqualTo(Intent.REQUEST);
    assertThat(read("get it", OFFERING_FILM).intent()).isEqualTo(Intent.CONFIRM);
  }

  @Test
  void aBareNumberAnswersTheSeasonQuestionButIsAPositionOtherwise() {
    assertThat(read("two", ASKING_SEASON).seasonAnswer()).isEqualTo(SeasonSpec.number(2));
    assertThat(read("the latest one", ASKING_SEASON).seasonAnswer()).isEqualTo(SeasonSpec.of(SeasonSpec.Which.LATEST));
    assertThat(read("one and two", ASKING_SEASON).seasonAnswer().numbers()).containsExactly(1, 2);
    assertThat(read("12 monkeys", ASKING_SEASON).seasonAnswer()).isNull();
    assertThat(read("2", OFFERING_SERIES).seasonAnswer()).isEqualTo(SeasonSpec.number(2));
    assertThat(read("2", OFFERING_FILM).seasonAnswer()).isNull();
    assertThat(read("the second one", OFFERING_FILM).position()).isEqualTo(2);
    assertThat(read("die letzte", "de", ASKING_SEASON).seasonAnswer()).isEqualTo(SeasonSpec.of(SeasonSpec.Which.LATEST));
  }

  @Test
  void aCorrectionKeepsWhatFollowsTheLeadingWords() {
    Interpretation in = read("no wait, I mean interstellar", OFFERING_FILM);
    assertThat(in.correction()).isNotNull();
    assertThat(in.correction().title()).isEqualTo("interstellar");
    assertThat(in.leadingNo()).isTrue();
    assertThat(read("no country for old men", DialogContext.NONE).correction()).isNull();
  }

  @Test
  void yesButInFourKAsksForTheFourKCopyOfTheOffer() {
    Interpretation in = read("yes but in 4k", OFFERING_FILM);
    assertThat(in.intent()).isEqualTo(Intent.REFINE);
    assertThat(in.understanding().fourK()).isTrue();
    assertThat(in.understanding().hasTitle()).isFalse();
  }

  @Test
  void triggerHintsAndSlotsApply() {
    Interpretation slot = interpreter.interpret(new Utterance("lade mir dune herunter", Hint.REQUEST, "mir dune", null, "de"),
        DialogContext.NONE);
    assertThat(slot.understanding().title()).isEqualTo("dune");
    Interpretation pronoun = interpreter.interpret(new Utterance("download it", Hint.REQUEST, "it", null, "en"), OFFERING_FILM);
    assertThat(pronoun.intent()).isEqualTo(Intent.CONFIRM);
    Interpretation season = interpreter.interpret(new Utterance("download severance", Hint.SEASON, "severance", "two", "en"),
        DialogContext.NONE);
    assertThat(season.understanding().season()).isEqualTo(SeasonSpec.number(2));
    assertThat(interpreter.interpret(new Utterance("whatever", Hint.CANCEL, null, null, "en"), OFFERING_FILM).intent())
        .isEqualTo(Intent.CANCEL);
  }

  @Test
  void germanTitlesWithAnObjectArticleAreAlsoReadWithoutIt() {
    Understanding u = read("lade den könig der löwen herunter", "de", DialogContext.NONE).understanding();
    assertThat(u.readings()).extracting(Reading::title).containsExactly("den könig der löwen", "könig der löwen");
  }

  @Test
  void questionsAboutATitleOrTheRequestsAreNotSearchesForTheWholeQuestion() {
    Interpretation ready = read("is the new dune movie ready yet", DialogContext.NONE);
    assertThat(ready.intent()).isEqualTo(Intent.STATUS);
    assertThat(ready.understanding().title()).isEqualTo("dune");
    assertThat(ready.understanding().mediaType()).isEqualTo(TypeHint.MOVIE);
    assertThat(read("ist dune schon da", "de", DialogContext.NONE).understanding().title()).isEqualTo("dune");
    assertThat(read("um what did I ask for please", DialogContext.NONE).onlyMine()).isTrue();
    assertThat(read("what's downloading", OFFERING_FILM).intent()).isEqualTo(Intent.REQUESTS);
    assertThat(read("what's downloading", DialogContext.NONE).onlyMine()).isFalse();
    assertThat(read("was lädt gerade", "de", DialogContext.NONE).intent()).isEqualTo(Intent.REQUESTS);
    assertThat(read("is there", DialogContext.NONE).intent()).isNotEqualTo(Intent.STATUS);
    assertThat(read("download ready player one", DialogContext.NONE).intent()).isEqualTo(Intent.REQUEST);
    Interpretation slot = interpreter.interpret(new Utterance("is severance ready", Hint.STATUS, "severance", null, "en"),
        DialogContext.NONE);
    assertThat(slot.intent()).isEqualTo(Intent.STATUS);
  }

  @Test
  void hintsAndSlotsKeepWhatWasSaidBesidesTheTitle() {
    Interpretation hinted = interpreter.interpret(new Utterance("get the korean oldboy", Hint.MOVIE, null, null, "en"),
        DialogContext.NONE);
    assertThat(hinted.understanding().mediaType()).isEqualTo(TypeHint.MOVIE);
    assertThat(hinted.understanding().origin()).isEqualTo(read("get the korean oldboy", DialogContext.NONE).understanding().origin())
        .isNotNull();
    Interpretation question = read("is the korean oldboy ready yet", DialogContext.NONE);
    assertThat(question.intent()).isEqualTo(Intent.STATUS);
    assertThat(question.understanding().origin()).isNotNull();
  }
}
