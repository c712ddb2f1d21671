package dev.overtalkerr.conversation;

import dev.overtalkerr.ranking.Ranked;
import dev.overtalkerr.understanding.SeasonSpec;
import dev.overtalkerr.understanding.Understanding;

import dev.overtalkerr.domain.MediaItem;
import java.time.Instant;
import java.util.List;

/** One conversation's state: what was asked, what is on offer, what was asked back. */
final class Session {
  /** Where the conversation stands. */
  enum Step {
    IDLE,
    ASK_TITLE,
    OFFERING,
    ASK_SEASON,
    ASK_MEDIA_TYPE
  }

  Step step = Step.IDLE;
  /** The request that started the search. */
  Understanding query;
  /** Ranked matches, best first. */
  List<Ranked> candidates = List.of();
  /** Index of the candidate on offer. */
  int index;
  /** The candidate on offer, with details (seasons, current status). */
  MediaItem current;
  SeasonSpec season;
  boolean fourK;
  String language;
  /** Who is asking (resolved on every turn), empty when unmapped. */
  java.util.Optional<dev.overtalkerr.domain.Requester> requester = java.util.Optional.empty();
  /** Where the person is asking from (satellite or device), for the request ledger. */
  String satelliteId;
  /** The time the current turn may take. */
  TurnBudget budget = TurnBudget.NONE;
  volatile Instant lastActivity = Instant.EPOCH;
  /** Dropped from the session map (long idle); a turn that still holds it fetches a new one. */
  boolean dead;

  /** What is on offer, to go back to when a new search finds nothing. */
  record Offer(Step step, Understanding query, List<Ranked> candidates, int index, MediaItem current, SeasonSpec season,
      boolean fourK) {}

  Offer offer() {
    return new Offer(step, query, candidates, index, current, season, fourK);
  }

  void restore(Offer o) {
    step = o.step();
    query = o.query();
    candidates = o.candidates();
    index = o.index();
    current = o.current();
    season = o.season();
    fourK = o.fourK();
  }

  void reset() {
    step = Step.IDLE;
    query = null;
    candidates = List.of();
    index = 0;
    current = null;
    season = null;
    fourK = false;
  }

  /** The spoken title of the search, for "nothing more for X". */
  String spokenTitle() {
    return query == null || query.title() == null ? "" : query.title();
  }
}
