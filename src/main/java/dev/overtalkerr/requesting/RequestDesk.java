package dev.overtalkerr.requesting;

import dev.overtalkerr.conversation.Reply;
import dev.overtalkerr.conversation.Speech;
import dev.overtalkerr.conversation.TurnBudget;
import dev.overtalkerr.understanding.SeasonSpec;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestEvents;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.Season;
import dev.overtalkerr.domain.SeasonSelection;
import dev.overtalkerr.conversation.Reply.Expect;
import dev.overtalkerr.conversation.Reply.State;
import dev.overtalkerr.tracking.RequestLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a "yes" becomes a backend request: what exactly to file for a title (the season or
 * seasons asked for, only those still missing, the 4K copy where allowed), what to say when there
 * is nothing to file, and filing it once — not while the same request is in flight, not when it
 * was filed through Overtalkerr minutes ago. Shared by the spoken dialog and the structured
 * commands.
 */
@Singleton
public final class RequestDesk {
  private static final Logger log = LoggerFactory.getLogger(RequestDesk.class);

  private final MediaBackend backend;
  private final Speech phrases;
  private final RequestLedger ledger;
  private final Clock clock;
  private final RequestEvents events;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public RequestDesk(MediaBackend backend, Speech phrases, RequestLedger ledger, Clock clock) {
    this(backend, phrases, ledger, clock, RequestEvents.NONE);
  }

  /** A desk that tells {@code events} what became of each filing (the request tracker). */
  @Inject
  public RequestDesk(MediaBackend backend, Speech phrases, RequestLedger ledger, Clock clock, RequestEvents events) {
    this.backend = backend;
    this.phrases = phrases;
    this.ledger = ledger;
    this.clock = clock;
    this.events = events;
  }

  /** Either a finished reply (already there, a question) or the request to file. */
  public record Outcome(Reply reply, MediaRequest request) {}

  public Outcome decide(MediaItem item, SeasonSpec season, boolean fourK, String language) {
    Availability status = item.status(fourK);
    if (status == Availability.BLOCKLISTED) {
      return new Outcome(error(language, BackendError.BLOCKLISTED.code(), "blocklisted", "the title is blocklisted", item, item.title()), null);
    }
    if (item.type() == MediaType.MOVIE) {
      Reply already = alreadyReply(status, item.title(), item, language);
      return already != null ? new Outcome(already, null) : new Outcome(null, MediaRequest.movie(item.tmdbId(), fourK));
    }
    List<Season> seasons = item.regularSeasons();
    if (seasons.isEmpty()) {
      Reply already = alreadyReply(status, item.title(), item, language);
      return already != null ? new Outcome(already, null)
          : new Outcome(null, MediaRequest.tv(item.tmdbId(), item.tvdbId(), SeasonSelection.ALL, fourK));
    }
    List<Integer> missing = seasons.stream().filter(s -> s.status(fourK).isRequestable()).map(Season::number).toList();
    if (season == null) {
      if (missing.isEmpty()) {
        return new Outcome(nothingMissing(item, seasons, fourK, language), null);
      }
      if (seasons.size() == 1 || missing.size() == 1) {
        // one season to request: the offer already said which one is missing
        return new Outcome(null, MediaRequest.tv(item.tmdbId(), item.tvdbId(), SeasonSelection.of(missing), fourK));
      }
      return new Outcome(seasonQuestion(item, fourK, language, null), null);
    }
    if (!season.more().isEmpty()) {
      // "seasons 4 to 6": file those of them that are still missing
      List<Integer> wanted = season.numbers();
      List<Season> named = seasons.stream().filter(x -> wanted.contains(x.number())).toList();
      if (named.size() < wanted.size()) {
        int absent = wanted.stream().filter(n -> seasons.stream().noneMatch(x -> x.number() == n)).findFirst().orElse(wanted.get(0));
        return new Outcome(seasonQuestion(item, fourK, language, absent), null);
      }
      List<Integer> toFile = named.stream().filter(x -> x.status(fourK).isRequestable()).map(Season::number).toList();
      if (!toFile.isEmpty()) {
        return new Outcome(null, MediaRequest.tv(item.tmdbId(), item.tvdbId(), SeasonSelection.of(toFile), fourK));
      }
      List<Integer> namedNumbers = named.stream().map(Season::number).toList();
      return new Outcome(named.stream().allMatch(x -> x.status(fourK) == Availability.AVAILABLE)
          ? new Reply(phrases.say(language, "already.available.seasons", capitalize(phrases.seasons(language, namedNumbers)), item.title(),
              namedNumbers.size()), true, Expect.NONE, State.ALREADY_AVAILABLE, item, null, null)
          : new Reply(phrases.say(language, "already.requested.seasons", capitalize(phrases.seasons(language, namedNumbers)), item.title(),
              namedNumbers.size()), true, Expect.NONE, State.ALREADY_REQUESTED, item, null, null), null);
    }
    if (season.which() == SeasonSpec.Which.ALL) {
      return missing.isEmpty() ? new Outcome(nothingMissing(item, seasons, fourK, language), null)
          : new Outcome(null, MediaRequest.tv(item.tmdbId(), item.tvdbId(), SeasonSelection.of(missing), fourK));
    }
    int number;
    OptionalInt resolved = seasonNumber(item, season, fourK);
    if (resolved.isEmpty()) {
      return new Outcome(new Reply(phrases.say(language, "next.season.none", item.title()), true, Expect.NONE,
          State.ALREADY_AVAILABLE, item, null, null), null);
    }
    number = resolved.getAsInt();
    Optional<Season> chosen = seasons.stream().filter(s -> s.number() == number).findFirst();
    if (chosen.isEmpty()) {
      return new Outcome(seasonQuestion(item, fourK, language, number), null);
    }
    String words = phrases.seasons(language, List.of(number));
    Availability s = chosen.get().status(fourK);
    if (s == Availability.AVAILABLE) {
      return new Outcome(new Reply(phrases.say(language, "already.available.seasons", capitalize(words), item.title(), 1), true,
          Expect.NONE, State.ALREADY_AVAILABLE, item, null, null), null);
    }
    if (s == Availability.PENDING || s == Availability.PROCESSING) {
      return new Outcome(alreadyReply(s, capitalize(words) + " " + ofWord(language) + " " + item.title(), item, language), null);
    }
    return new Outcome(null, MediaRequest.tv(item.tmdbId(), item.tvdbId(), SeasonSelection.of(number), fourK));
  }

  /**
   * The season number a spec means for this series: the number said; for "the latest" the highest
   * season that has aired (or has no air year); for "the next" the first season after the last one
   * that is there or requested. Empty for "all", or when there is no next season.
   */
  public OptionalInt seasonNumber(MediaItem item, SeasonSpec spec, boolean fourK) {
    if (spec == null || spec.which() == SeasonSpec.Which.ALL || !spec.more().isEmpty()) {
      return OptionalInt.empty();
    }
    if (spec.number() != null) {
      return OptionalInt.of(spec.number());
    }
    List<Season> seasons = item.regularSeasons();
    if (spec.which() == SeasonSpec.Which.LATEST) {
      int thisYear = LocalDate.now(clock).getYear();
      OptionalInt aired = seasons.stream().filter(x -> x.airYear() == null || x.airYear() <= thisYear).mapToInt(Season::number).max();
      return aired.isPresent() ? aired : seasons.stream().mapToInt(Season::number).max();
    }
    int lastThere = seasons.stream().filter(x -> !x.status(fourK).isRequestable()).mapToInt(Season::number).max().orElse(0);
    return seasons.stream().mapToInt(Season::number).filter(n -> n > lastThere).min();
  }

  private static String ofWord(String language) {
    return language.equals("de") ? "von" : "of";
  }

  public Reply nothingMissing(MediaItem item, List<Season> seasons, boolean fourK, String language) {
    boolean allThere = seasons.stream().allMatch(s -> s.status(fourK) == Availability.AVAILABLE);
    if (allThere) {
      return new Reply(phrases.say(language, "already.available", item.title()), true, Expect.NONE, State.ALREADY_AVAILABLE, item, null, null);
    }
    return new Reply(phrases.say(language, "already.no.seasons.left", item.title()), true, Expect.NONE, State.ALREADY_REQUESTED, item, null, null);
  }

  public Reply seasonQuestion(MediaItem item, boolean fourK, String language, Integer unknownSeason) {
    List<Season> seasons = item.regularSeasons();
    if (unknownSeason != null) {
      return new Reply(phrases.say(language, "question.season.unknown", item.title(), phrases.seasons(language, List.of(unknownSeason)),
          String.valueOf(seasons.size())), false, Expect.SEASON, State.QUESTION, item, null, null);
    }
    String summary = seasonSummary(item, fourK, language);
    if (summary == null) {
      summary = "";
    }
    return new Reply(phrases.say(language, "question.season", item.title(), String.valueOf(seasons.size()), summary).replace("  ", " "),
        false, Expect.SEASON, State.QUESTION, item, null, null);
  }

  /** The reply for something already there or already asked for, or null when it may be requested. */
  private Reply alreadyReply(Availability status, String what, MediaItem item, String language) {
    return switch (status) {
      case AVAILABLE -> new Reply(phrases.say(language, "already.available", what), true, Expect.NONE, State.ALREADY_AVAILABLE, item, null, null);
      case PENDING -> new Reply(phrases.say(language, "already.pending", what), true, Expect.NONE, State.ALREADY_REQUESTED, item, null, null);
      case PROCESSING -> new Reply(phrases.say(language, isUpcoming(item) ? "already.upcoming" : "already.processing", what), true,
          Expect.NONE, State.ALREADY_REQUESTED, item, null, null);
      default -> null;
    };
  }

  /** Files the request once: not while the same one is in flight, not when the ledger has it. */
  public Reply file(MediaRequest request, MediaItem item, Requester requester, String satelliteId, String language,
      TurnBudget budget) {
    Reply reply = fileOnce(request, item, requester, satelliteId, language, budget);
    RequestEvents.Outcome outcome = switch (reply.state()) {
      case REQUESTED -> RequestEvents.Outcome.FILED;
      case ALREADY_REQUESTED, ALREADY_AVAILABLE -> RequestEvents.Outcome.DUPLICATE;
      default -> RequestEvents.Outcome.FAILED;
    };
    events.filing(new RequestEvents.Filing(outcome, item, request, reply.request(), requester, satelliteId, language,
        reply.error() == null ? null : reply.error().code()));
    return reply;
  }

  private Reply fileOnce(MediaRequest request, MediaItem item, Requester requester, String satelliteId, String language,
      TurnBudget budget) {
    List<Integer> seasons = request.seasons() == null ? List.of() : request.seasons().numbers();
    String key = request.type().wire() + ":" + request.tmdbId() + ":" + request.is4k() + ":" + seasons;
    if (!inFlight.add(key)) {
      return new Reply(phrases.say(language, "already.requested", item.title()), true, Expect.NONE, State.ALREADY_REQUESTED, item, null, null);
    }
    try {
      // requests made through us in the last minutes guard against a backend that has not caught up
      List<RequestLedger.Entry> recent = ledger.entries().stream()
          .filter(e -> e.type() == request.type() && e.tmdbId() == request.tmdbId() && e.is4k() == request.is4k() && recent(e))
          .toList();
      if (!recent.isEmpty()) {
        boolean everything = request.type() == MediaType.MOVIE || seasons.isEmpty() || recent.stream().anyMatch(e -> e.seasons().isEmpty());
        List<Integer> remaining = everything ? List.of()
            : seasons.stream().filter(n -> recent.stream().noneMatch(e -> e.seasons().contains(n))).toList();
        if (remaining.isEmpty()) {
          log.info("{} was requested through Overtalkerr minutes ago (request {}); not filing it again", item.title(),
              recent.get(recent.size() - 1).backendRequestId());
          return new Reply(phrases.say(language, "already.requested", item.title()), true, Expect.NONE, State.ALREADY_REQUESTED, item, null, null);
        }
        if (remaining.size() < seasons.size()) {
          return fileOnce(MediaRequest.tv(request.tmdbId(), request.tvdbId(), SeasonSelection.of(remaining), request.is4k()), item,
              requester, satelliteId, language, budget);
        }
      }
      RequestRecord made;
      try {
        budget.beforeBackendCall();
        made = backend.request(request, requester);
      } catch (BackendException e) {
        if (e.error() == BackendError.ALREADY_REQUESTED) {
          return new Reply(phrases.say(language, "already.requested", item.title()), true, Expect.NONE, State.ALREADY_REQUESTED, item, null, null);
        }
        if (e.error() == BackendError.NO_SEASONS_LEFT) {
          return new Reply(phrases.say(language, "already.no.seasons.left", item.title()), true, Expect.NONE, State.ALREADY_REQUESTED, item, null, null);
        }
        return failure(e, language, item);
      }
      ledger.record(new RequestLedger.Entry(made.id(), request.type(), request.tmdbId(), item.title(),
          made.seasons().isEmpty() ? seasons : made.seasons(), request.is4k(),
          requester.isOwner() ? Requesters.OWNER : requester.backendUserId(), satelliteId, clock.instant()));
      log.info("Requested {} ({} {}, seasons {}, 4K {}) as {}: backend request {} is {}", item.title(), request.type().wire(),
          request.tmdbId(), seasons, request.is4k(), requester.displayName(), made.id(), made.status().wire());
      String speech = seasons.isEmpty() ? phrases.say(language, "requested", item.title())
          : phrases.say(language, "requested.seasons", phrases.seasons(language, made.seasons().isEmpty() ? seasons : made.seasons()), item.title());
      String next = made.status() == RequestStatus.PENDING_APPROVAL ? "requested.approval"
          : isUpcoming(item) ? "requested.upcoming" : "requested.approved";
      speech += " " + phrases.say(language, next);
      return new Reply(speech, true, Expect.NONE, State.REQUESTED, item, made, null);
    } finally {
      inFlight.remove(key);
    }
  }

  private boolean recent(RequestLedger.Entry entry) {
    return entry.requestedAt() != null && entry.requestedAt().isAfter(clock.instant().minus(Duration.ofMinutes(10)));
  }

  /**
   * "Season 1 is in your library, season 2 is requested, seasons 3 and 4 are not." — or null when
   * every season stands the same (then the title's status says it all).
   */
  public String seasonSummary(MediaItem item, boolean fourK, String language) {
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

  public boolean isUpcoming(MediaItem item) {
    return item.releaseDate() != null && item.releaseDate().isAfter(LocalDate.now(clock));
  }
  public Reply failure(BackendException e, String language, MediaItem item) {
    log.warn("Backend call failed ({}): {}", e.error().code(), e.getMessage());
    return error(language, e.error().code(), "error." + e.error().code(), e.getMessage(), item);
  }

  public Reply error(String language, String code, String key, String message, MediaItem item, Object... args) {
    return new Reply(phrases.say(language, key, args), true, Expect.NONE, State.ERROR, item, null, new Reply.ErrorInfo(code, message));
  }

  public static String capitalize(String s) {
    return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
