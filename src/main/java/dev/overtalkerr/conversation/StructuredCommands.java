package dev.overtalkerr.conversation;

import dev.overtalkerr.conversation.Reply.State;
import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.TurnBudget;
import dev.overtalkerr.ranking.Ranked;
import dev.overtalkerr.ranking.Ranker;
import dev.overtalkerr.requesting.Decision;
import dev.overtalkerr.requesting.RequestDesk;
import dev.overtalkerr.requesting.Requesters;
import dev.overtalkerr.understanding.Expect;
import dev.overtalkerr.understanding.Intent;
import dev.overtalkerr.understanding.Reading;
import dev.overtalkerr.understanding.SeasonSpec;
import dev.overtalkerr.understanding.TypeHint;
import dev.overtalkerr.understanding.Understanding;
import dev.overtalkerr.understanding.UtteranceParser;
import dev.overtalkerr.understanding.YearRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structured commands of automations and scripts ({@code command/search} and {@code
 * command/request}): no conversation, but the same title resolution, person mapping, duplicate
 * checks and 4K policy as a spoken request, and replies in the same shape.
 */
@Singleton
public final class StructuredCommands {
  private static final Logger log = LoggerFactory.getLogger(StructuredCommands.class);

  private final UtteranceParser parser;
  private final Ranker ranker;
  private final MediaBackend backend;
  private final Replies replies;
  private final Requesters requesters;
  private final RequestDesk desk;
  private final Languages languages;

  @Inject
  public StructuredCommands(UtteranceParser parser, Ranker ranker, MediaBackend backend, Replies replies, Requesters requesters,
      RequestDesk desk, Languages languages) {
    this.parser = parser;
    this.ranker = ranker;
    this.backend = backend;
    this.replies = replies;
    this.requesters = requesters;
    this.desk = desk;
    this.languages = languages;
  }

  /** {@code command/search}: the best matches with their status, series with their seasons. */
  public Commands.SearchResult search(Commands.Search command, TurnBudget budget) {
    try {
      return searchWithin(command, budget);
    } catch (TurnBudget.OutOfTime e) {
      return new Commands.SearchResult(List.of(), new Reply.ErrorInfo(BackendError.TIMEOUT.code(), "no answer within the reply deadline"));
    }
  }

  private Commands.SearchResult searchWithin(Commands.Search command, TurnBudget budget) {
    String language = languages.of(command.context().language());
    Understanding u = parser.parse(command.query(), language);
    Understanding query = new Understanding(Intent.REQUEST, u.hasTitle() ? u.title() : command.query().toLowerCase(Locale.ROOT),
        command.mediaType() == null ? u.mediaType() : TypeHint.of(command.mediaType()),
        command.year() == null ? u.years() : YearRange.of(command.year()), u.season(), u.temporal(), u.fourK(), null,
        command.year() == null ? u.alternatives() : List.of());
    try {
      Map<Reading, List<MediaItem>> results = new LinkedHashMap<>();
      for (Reading reading : query.readings().stream().limit(DialogEngine.MAX_READINGS).toList()) {
        budget.beforeBackendCall();
        results.put(reading, backend.search(reading.title(), language));
      }
      List<MediaItem> items = ranker.rank(query, results).stream().map(Ranked::item)
          .filter(i -> command.mediaType() == null || i.type() == command.mediaType())
          .filter(i -> command.year() == null || command.year().equals(i.year()))
          .limit(command.limit()).toList();
      List<MediaItem> detailed = new ArrayList<>();
      for (MediaItem item : items) {
        detailed.add(item.type() == MediaType.TV ? detailsOrSelf(item, language, budget) : item);
      }
      return new Commands.SearchResult(detailed, null);
    } catch (BackendException e) {
      return new Commands.SearchResult(List.of(), new Reply.ErrorInfo(e.error().code(), e.getMessage()));
    }
  }

  private MediaItem detailsOrSelf(MediaItem item, String language, TurnBudget budget) {
    try {
      budget.beforeBackendCall();
      return backend.details(item.type(), item.tmdbId(), language);
    } catch (BackendException e) {
      log.debug("Details of {} failed: {}", item.title(), e.getMessage());
      return item;
    }
  }

  /** {@code command/request}: resolves the title, then files it like a spoken "yes". */
  public Reply request(Commands.Request command, TurnBudget budget) {
    try {
      return requestWithin(command, budget);
    } catch (TurnBudget.OutOfTime e) {
      return replies.timeout(command.context().language());
    }
  }

  private Reply requestWithin(Commands.Request command, TurnBudget budget) {
    Commands.Context ctx = command.context();
    String language = languages.of(ctx.language());
    Optional<Requester> requester = requesters.resolve(ctx.userId(), ctx.satelliteId(), ctx.deviceId());
    if (requester.isEmpty()) {
      return replies.notMapped(language, null);
    }
    MediaItem item;
    try {
      if (command.tmdbId() != null) {
        budget.beforeBackendCall();
        item = backend.details(command.mediaType(), command.tmdbId(), language);
      } else {
        Commands.SearchResult found = searchWithin(new Commands.Search(command.query(), command.mediaType(), command.year(), 1, ctx), budget);
        if (found.error() != null) {
          return new Reply(replies.say(language, State.ERROR, true, null, "error." + found.error().code()).speech(), true,
              Expect.NONE, State.ERROR, null, null, found.error());
        }
        if (found.results().isEmpty()) {
          return replies.say(language, State.NOT_FOUND, true, null, "not.found", command.query());
        }
        item = found.results().get(0);
        if (item.type() == MediaType.MOVIE || item.seasons().isEmpty()) {
          budget.beforeBackendCall();
          item = backend.details(item.type(), item.tmdbId(), language);
        }
      }
    } catch (BackendException e) {
      return replies.failure(e, language, null);
    }
    SeasonSpec season = null;
    if (item.type() == MediaType.TV) {
      List<Integer> asked = command.seasons();
      season = asked == null || command.allSeasons() ? SeasonSpec.of(SeasonSpec.Which.ALL)
          : new SeasonSpec(asked.get(0), null, asked.subList(1, asked.size()));
    }
    boolean fourK = command.is4k() && requester.get().allow4k();
    if (command.is4k() && !fourK) {
      return replies.error(language, BackendError.PERMISSION_DENIED.code(), "error.permission_denied", "4K is not allowed for this person",
          item);
    }
    Decision decision = desk.decide(item, season, fourK);
    if (decision instanceof Decision.File file) {
      return replies.filed(desk.file(file.request(), item, requester.get(), ctx.satelliteId(), budget), item, language);
    }
    desk.reportNothingFiled(decision, item, fourK, requester.get(), ctx.satelliteId());
    Reply reply = replies.decision(decision, item, fourK, desk.isUpcoming(item), language);
    return reply.end() ? reply
        : new Reply(reply.speech(), true, Expect.NONE, State.ERROR, item, null,
            new Reply.ErrorInfo("invalid_request", "say which seasons to request"));
  }
}
