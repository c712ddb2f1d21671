package dev.overtalkerr.conversation;

import dev.overtalkerr.conversation.Reply.State;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Season;
import dev.overtalkerr.requesting.Decision;
import dev.overtalkerr.requesting.Filing;
import dev.overtalkerr.understanding.Expect;
import dev.overtalkerr.understanding.SeasonSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every reply Overtalkerr gives, worded from the phrase bundles ({@link Speech}): offers with the
 * title's status, questions, what a decision or a filing came to, and the apologies. Replies that
 * keep the dialog open are made with {@link Expect#NONE}; the {@link DialogEngine} sets what they
 * expect from the state the turn ends in.
 */
@Singleton
public final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);
  private final Speech phrases;
  private final Languages languages;

  @Inject
  public Replies(Speech phrases, Languages languages) {
    this.phrases = phrases;
    this.languages = languages;
  }

  /** A reply worded by phrase {@code key}. */
  Reply say(String language, State state, boolean end, MediaItem item, String key, Object... args) {
    return new Reply(phrases.say(language, key, args), end, Expect.NONE, state, item, null, null);
  }

  /** A spoken failure with its stable code. */
  public Reply error(String language, String code, String key, String message, MediaItem item, Object... args) {
    return new Reply(phrases.say(language, key, args), true, Expect.NONE, State.ERROR, item, null, new Reply.ErrorInfo(code, message));
  }

  /** The apology for a backend failure. */
  public Reply failure(BackendException e, String language, MediaItem item) {
    log.warn("Backend call failed ({}): {}", e.error().code(), e.getMessage());
    return error(language, e.error().code(), "error." + e.error().code(), e.getMessage(), item);
  }

  /** The apology when a turn took longer than the reply deadline, in the language asked for. */
  public Reply timeout(String language) {
    return error(languages.of(language), BackendError.TIMEOUT.code(), "error.timeout", "no answer within the reply deadline", null);
  }

  /** The reply to a request whose fields are malformed. */
  public Reply invalidRequest(String language, String problem) {
    return error(languages.of(language), "invalid_request", "error.invalid_request", problem, null);
  }

  /** The reply when handling failed unexpectedly. */
  public Reply internalError(String language) {
    return error(languages.of(language), "internal", "error.internal", "an unexpected error; see the log", null);
  }

  /** No backend user is mapped to the person who asked. */
  Reply notMapped(String language, MediaItem item) {
    return error(language, BackendError.USER_NOT_MAPPED.code(), "error.user_not_mapped", "no backend user is mapped to this person", item);
  }

  // ---------------------------------------------------------------- offers

  /**
   * "I found Dune, the film from 2021. It's already in your library. Is that the one you meant?"
   *
   * @param item the title on offer, with details
   * @param season the season(s) asked for, or null
   * @param askedFourK whether the 4K copy was asked for
   * @param fourK whether the 4K copy would be requested (asked for and allowed)
   * @param asked the one season the offer is about, if any
   * @param upcoming whether the title is not yet released
   * @param preface a sentence to say first, or null
   */
  Reply offer(MediaItem item, SeasonSpec season, boolean askedFourK, boolean fourK, OptionalInt asked, boolean upcoming,
      String language, String preface) {
    Optional<Season> askedSeason = season(item, asked);
    List<String> parts = new ArrayList<>();
    if (preface != null) {
      parts.add(preface);
    }
    parts.add(describe(item, language));
    if (asked.isPresent()) {
      parts.add(phrases.say(language, "offer.season", phrases.seasons(language, List.of(asked.getAsInt()))));
    } else if (item.type() == MediaType.TV && season != null && season.which() == SeasonSpec.Which.ALL) {
      parts.add(phrases.say(language, "offer.season", phrases.say(language, "seasons.all")));
    } else if (item.type() == MediaType.TV && season != null && !season.more().isEmpty()) {
      parts.add(phrases.say(language, "offer.season", phrases.seasons(language, season.numbers())));
    }
    Availability status = item.status(fourK);
    String statusSentence = statusSentence(item, askedSeason, fourK, upcoming, language);
    if (statusSentence != null) {
      parts.add(statusSentence);
    }
    if (askedFourK && !fourK) {
      parts.add(phrases.say(language, "no.4k"));
    }
    boolean requestable;
    if (status == Availability.BLOCKLISTED) {
      requestable = false;
    } else if (askedSeason.isPresent()) {
      requestable = askedSeason.get().status(fourK).isRequestable();
    } else if (season != null && !season.more().isEmpty()) {
      List<Integer> wanted = season.numbers();
      requestable = item.regularSeasons().stream().anyMatch(x -> wanted.contains(x.number()) && x.status(fourK).isRequestable());
    } else if (item.type() == MediaType.MOVIE || item.regularSeasons().isEmpty()) {
      requestable = !status.isRequestedOrAvailable();
    } else {
      requestable = item.regularSeasons().stream().anyMatch(x -> x.status(fourK).isRequestable());
    }
    parts.add(phrases.say(language, requestable ? "question.request" : "question.is.that.it"));
    return new Reply(String.join(" ", parts), false, Expect.NONE, State.OFFER, item, null, null);
  }

  /** "Season 5 of X? It has 4 seasons" when every season is there or requested already. */
  Reply absentSeasonNothingLeft(MediaItem item, int asked, boolean fourK, String language) {
    boolean allThere = item.regularSeasons().stream().allMatch(x -> x.status(fourK) == Availability.AVAILABLE);
    return say(language, allThere ? State.ALREADY_AVAILABLE : State.ALREADY_REQUESTED, true, item, "season.absent.nothing.left",
        item.title(), phrases.seasons(language, List.of(asked)));
  }

  /** "X has only one season, season 1." said before the offer of that season. */
  String onlyOneSeason(MediaItem item, int asked, String language) {
    return phrases.say(language, "season.only.one", item.title(), phrases.seasons(language, List.of(asked)));
  }

  /** "Which season of X? It has 4 seasons; ..." or "X has no season 7; ...". */
  Reply seasonQuestion(MediaItem item, boolean fourK, String language, Integer unknownSeason) {
    List<Season> seasons = item.regularSeasons();
    if (unknownSeason != null) {
      return new Reply(phrases.say(language, "question.season.unknown", item.title(), phrases.seasons(language, List.of(unknownSeason)),
          String.valueOf(seasons.size())), false, Expect.NONE, State.QUESTION, item, null, null);
    }
    String summary = seasonSummary(item, fourK, language);
    return new Reply(phrases.say(language, "question.season", item.title(), String.valueOf(seasons.size()), summary == null ? "" : summary)
        .replace("  ", " "), false, Expect.NONE, State.QUESTION, item, null, null);
  }

  /** The season question again after a title that found nothing: "I couldn't find X. Which season...". */
  Reply seasonQuestionAgain(String preface, MediaItem item, boolean fourK, String language) {
    Reply question = seasonQuestion(item, fourK, language, null);
    return new Reply(preface + " " + question.speech(), false, Expect.NONE, State.QUESTION, question.candidate(), null, null);
  }

  /** "Dune is already in your library. Shall I play it?" instead of {@code already}. */
  Reply offerPlay(Reply already, String language) {
    MediaItem item = already.candidate();
    return new Reply(phrases.say(language, "already.available.play", item.title()), false, Expect.NONE, State.ALREADY_AVAILABLE, item,
        null, null);
  }

  /** "Do you mean the film or the series X?" */
  Reply mediaTypeQuestion(String title, String language) {
    return say(language, State.QUESTION, false, null, "question.media_type", title);
  }

  /** Help while something is pending: what can be said now. */
  Reply help(DialogState state, String language) {
    if (state instanceof DialogState.Offering o) {
      return say(language, State.HELP, false, o.current(), "help.offer", o.current().title());
    }
    if (state instanceof DialogState.AskingSeason a) {
      return say(language, State.HELP, false, a.current(), "help.season");
    }
    if (state instanceof DialogState.ChoosingType) {
      return say(language, State.HELP, false, null, "help.media_type");
    }
    if (state instanceof DialogState.OfferingPlay p) {
      return say(language, State.HELP, false, p.current(), "help.play", p.current().title());
    }
    return say(language, State.HELP, false, null, "help");
  }

  /** "Take your time." while a question stays pending. */
  Reply stall(DialogState state, String language) {
    return say(language, state instanceof DialogState.Idle ? State.HELP : State.QUESTION, state instanceof DialogState.Idle,
        state.current(), "stall");
  }

  /** The question pending in {@code state} said again (a "yes" that answers nothing of it). */
  Reply questionAgain(DialogState state, String language) {
    if (state instanceof DialogState.AskingSeason a) {
      return say(language, State.QUESTION, false, a.current(), "help.season");
    }
    if (state instanceof DialogState.ChoosingType) {
      return say(language, State.QUESTION, false, null, "help.media_type");
    }
    return say(language, State.QUESTION, false, null, "ask.title");
  }

  /** "I found Dune, the film from 2021." */
  private String describe(MediaItem item, String language) {
    String type = phrases.say(language, item.type() == MediaType.MOVIE ? "type.movie" : "type.tv");
    return item.year() == null
        ? phrases.say(language, "offer.without.year", item.title(), type)
        : phrases.say(language, "offer.with.year", item.title(), type, String.valueOf(item.year()));
  }

  private String statusSentence(MediaItem item, Optional<Season> asked, boolean fourK, boolean upcoming, String language) {
    if (item.type() == MediaType.TV && !item.regularSeasons().isEmpty()) {
      if (asked.isPresent()) {
        return seasonStatusSentence(asked.get().status(fourK), phrases.seasons(language, List.of(asked.get().number())), language);
      }
      String summary = seasonSummary(item, fourK, language);
      if (summary != null) {
        return summary;
      }
    }
    return switch (item.status(fourK)) {
      case AVAILABLE -> phrases.say(language, "status.available");
      case PENDING -> phrases.say(language, "status.pending");
      case PROCESSING -> phrases.say(language, upcoming ? "status.processing.upcoming" : "status.processing");
      case PARTIALLY_AVAILABLE -> phrases.say(language, "status.partial");
      case BLOCKLISTED -> phrases.say(language, "status.blocklisted");
      case DELETED -> phrases.say(language, "status.deleted");
      case UNKNOWN -> upcoming ? phrases.say(language, "status.upcoming") : null;
    };
  }

  private String seasonStatusSentence(Availability status, String seasonWords, String language) {
    return switch (status) {
      case AVAILABLE -> phrases.say(language, "status.available.season", capitalize(seasonWords));
      case PENDING -> phrases.say(language, "status.pending");
      case PROCESSING -> phrases.say(language, "status.processing");
      default -> null;
    };
  }

  /**
   * "Season 1 is in your library, season 2 is requested, seasons 3 and 4 are not." — or null when
   * every season stands the same (then the title's status says it all).
   */
  String seasonSummary(MediaItem item, boolean fourK, String language) {
    List<Season> seasons = item.regularSeasons();
    List<Integer> present = seasons.stream().filter(s -> s.status(fourK) == Availability.AVAILABLE).map(Season::number).toList();
    List<Integer> requested = seasons.stream().filter(s -> s.status(fourK) == Availability.PENDING || s.status(fourK) == Availability.PROCESSING)
        .map(Season::number).toList();
    List<Integer> missing = seasons.stream().filter(s -> s.status(fourK).isRequestable() || s.status(fourK) == Availability.BLOCKLISTED)
        .map(Season::number).toList();
    int kinds = (present.isEmpty() ? 0 : 1) + (requested.isEmpty() ? 0 : 1) + (missing.isEmpty() ? 0 : 1);
    if (kinds < 2) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (!present.isEmpty()) {
      parts.add(phrases.say(language, "status.seasons.available", phrases.seasons(language, present), present.size()));
    }
    if (!requested.isEmpty()) {
      parts.add(phrases.say(language, "status.seasons.requested", phrases.seasons(language, requested), requested.size()));
    }
    if (!missing.isEmpty()) {
      parts.add(phrases.say(language, "status.seasons.missing", phrases.seasons(language, missing), missing.size()));
    }
    return capitalize(String.join(", ", parts)) + ".";
  }

  // ---------------------------------------------------------------- requesting

  /** What a decision that files nothing comes to (a question, or why there is nothing to file). */
  Reply decision(Decision decision, MediaItem item, boolean fourK, boolean upcoming, String language) {
    if (decision instanceof Decision.Blocklisted) {
      return error(language, BackendError.BLOCKLISTED.code(), "blocklisted", "the title is blocklisted", item, item.title());
    }
    if (decision instanceof Decision.NothingMissing n) {
      return n.allThere() ? say(language, State.ALREADY_AVAILABLE, true, item, "already.available", item.title())
          : say(language, State.ALREADY_REQUESTED, true, item, "already.no.seasons.left", item.title());
    }
    if (decision instanceof Decision.AskSeason a) {
      return seasonQuestion(item, fourK, language, a.unknown());
    }
    if (decision instanceof Decision.NoNextSeason) {
      return say(language, State.ALREADY_AVAILABLE, true, item, "next.season.none", item.title());
    }
    if (decision instanceof Decision.Already a) {
      return already(a, item, upcoming, language);
    }
    throw new IllegalArgumentException("a request to file is not a reply: " + decision);
  }

  private Reply already(Decision.Already a, MediaItem item, boolean upcoming, String language) {
    if (a.seasons().size() > 1 || (a.seasons().size() == 1 && a.status() == Availability.AVAILABLE)) {
      String words = capitalize(phrases.seasons(language, a.seasons()));
      return a.status() == Availability.AVAILABLE
          ? say(language, State.ALREADY_AVAILABLE, true, item, "already.available.seasons", words, item.title(), a.seasons().size())
          : say(language, State.ALREADY_REQUESTED, true, item, "already.requested.seasons", words, item.title(), a.seasons().size());
    }
    String what = a.seasons().isEmpty() ? item.title()
        : capitalize(phrases.seasons(language, a.seasons())) + " " + phrases.say(language, "of") + " " + item.title();
    return switch (a.status()) {
      case AVAILABLE -> say(language, State.ALREADY_AVAILABLE, true, item, "already.available", what);
      case PENDING -> say(language, State.ALREADY_REQUESTED, true, item, "already.pending", what);
      default -> say(language, State.ALREADY_REQUESTED, true, item, upcoming ? "already.upcoming" : "already.processing", what);
    };
  }

  /** What filing came to: "OK, I've requested Dune. It needs approval." */
  Reply filed(Filing filing, MediaItem item, String language) {
    if (filing instanceof Filing.Duplicate d) {
      return say(language, State.ALREADY_REQUESTED, true, item, d.noSeasonsLeft() ? "already.no.seasons.left" : "already.requested",
          item.title());
    }
    if (filing instanceof Filing.Failed f) {
      return failure(f.error(), language, item);
    }
    Filing.Made m = (Filing.Made) filing;
    String speech = m.seasons().isEmpty() ? phrases.say(language, "requested", item.title())
        : phrases.say(language, "requested.seasons", phrases.seasons(language, m.seasons()), item.title());
    String next = m.record().status() == RequestStatus.PENDING_APPROVAL ? "requested.approval"
        : m.upcoming() ? "requested.upcoming" : "requested.approved";
    return new Reply(speech + " " + phrases.say(language, next), true, Expect.NONE, State.REQUESTED, item, m.record(), null);
  }

  // ---------------------------------------------------------------- questions about requests

  /** "You asked for Dune, waiting for approval, and season 2 of Severance, being downloaded." */
  Reply requests(List<RequestsOverview.Line> lines, boolean onlyMine, String language) {
    if (lines.isEmpty()) {
      return say(language, State.STATUS, true, null, onlyMine ? "requests.none.mine" : "requests.none.active");
    }
    List<String> spoken = new ArrayList<>();
    for (RequestsOverview.Line line : lines) {
      String what = line.seasons().isEmpty() ? line.title()
          : phrases.seasons(language, line.seasons()) + " " + phrases.say(language, "of") + " " + line.title();
      spoken.add(what + ", " + phrases.say(language, "standing." + line.standing().name().toLowerCase(java.util.Locale.ROOT)));
    }
    String list = spoken.size() == 1 ? spoken.get(0)
        : String.join("; ", spoken.subList(0, spoken.size() - 1)) + "; " + phrases.say(language, "and") + " " + spoken.get(spoken.size() - 1);
    return say(language, State.STATUS, true, null, onlyMine ? "requests.mine" : "requests.active", list);
  }

  /** "Dune isn't in your library yet." before offering it. */
  String notYetThere(MediaItem item, String language) {
    return phrases.say(language, "status.missing", item.title());
  }

  static String capitalize(String s) {
    return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Optional<Season> season(MediaItem item, OptionalInt number) {
    return number.isPresent() ? item.regularSeasons().stream().filter(x -> x.number() == number.getAsInt()).findFirst() : Optional.empty();
  }
}
