package dev.overtalkerr.requesting;

import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.MediaRequest;
import java.util.List;

/** What a "yes" to a title comes to, before anything is filed (see {@link RequestDesk#decide}). */
public sealed interface Decision {
  /** File this request. */
  record File(MediaRequest request) implements Decision {}

  /** The backend refuses the title for everyone. */
  record Blocklisted() implements Decision {}

  /**
   * Already there or asked for.
   *
   * @param status the status of the title, of the one season, or (several seasons) AVAILABLE when
   *     every one is in the library and PENDING otherwise
   * @param seasons the seasons concerned; empty for the whole title
   */
  record Already(Availability status, List<Integer> seasons) implements Decision {}

  /** Every season is in the library ({@code allThere}) or requested already. */
  record NothingMissing(boolean allThere) implements Decision {}

  /**
   * Which season? Asked when several are missing, or when the series has no season {@code unknown}.
   *
   * @param unknown the season asked for that the series does not have, or null
   */
  record AskSeason(Integer unknown) implements Decision {}

  /** "The next season" of a series that has every season there or requested. */
  record NoNextSeason() implements Decision {}
}
