package dev.overtalkerr.conversation;

import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.ranking.Ranked;
import dev.overtalkerr.understanding.Expect;
import dev.overtalkerr.understanding.SeasonSpec;
import dev.overtalkerr.understanding.Understanding;
import java.util.List;

/**
 * Where one conversation stands between two turns. Each state knows what it expects of the next
 * turn (the reply's {@code expect} is the state's) and carries what a reply for it needs. States
 * are immutable: a turn moves the session to a new one.
 */
public sealed interface DialogState {
  /** Nothing pending. */
  Idle IDLE = new Idle();
  /** Asked for a title ("What would you like?"). */
  AwaitingTitle AWAITING_TITLE = new AwaitingTitle();

  /** What the next turn should answer. */
  Expect expect();

  /** The search in progress, or null. */
  default Search search() {
    return null;
  }

  /** The title on offer (with details), or null. */
  default MediaItem current() {
    return null;
  }

  /**
   * One search: what was asked, the ranked matches, and the season and 4K wishes that go with it.
   *
   * @param query the request that started the search
   * @param candidates ranked matches, best first
   * @param season the season(s) asked for, or null
   * @param fourK whether the 4K copy was asked for
   */
  record Search(Understanding query, List<Ranked> candidates, SeasonSpec season, boolean fourK) {
    public Search {
      candidates = List.copyOf(candidates);
    }

    Search withCandidates(List<Ranked> c) {
      return new Search(query, c, season, fourK);
    }

    Search withSeason(SeasonSpec s) {
      return new Search(query, candidates, s, fourK);
    }

    Search withFourK() {
      return new Search(query, candidates, season, true);
    }

    /** The spoken title of the search, for "nothing more for X". */
    String spokenTitle() {
      return query == null || query.title() == null ? "" : query.title();
    }
  }

  /** Nothing pending. */
  record Idle() implements DialogState {
    @Override
    public Expect expect() {
      return Expect.NONE;
    }
  }

  /** Asked for a title. */
  record AwaitingTitle() implements DialogState {
    @Override
    public Expect expect() {
      return Expect.TITLE;
    }
  }

  /** A film and a series share the spoken title: which one? */
  record ChoosingType(Search search) implements DialogState {
    @Override
    public Expect expect() {
      return Expect.MEDIA_TYPE;
    }
  }

  /** Candidate {@code index} is on offer and awaits yes, no or a narrowing. */
  record Offering(Search search, int index, MediaItem current) implements DialogState {
    @Override
    public Expect expect() {
      return Expect.CONFIRM;
    }
  }

  /** Asked which season of the series on offer to request. */
  record AskingSeason(Search search, int index, MediaItem current) implements DialogState {
    @Override
    public Expect expect() {
      return Expect.SEASON;
    }
  }

  /** The title is already in the library: asked whether to play it. */
  record OfferingPlay(MediaItem current) implements DialogState {
    @Override
    public Expect expect() {
      return Expect.PLAY;
    }
  }
}
