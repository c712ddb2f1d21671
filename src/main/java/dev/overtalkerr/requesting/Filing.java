package dev.overtalkerr.requesting;

import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.RequestRecord;
import java.util.List;

/** What filing a request came to (see {@link RequestDesk#file}). */
public sealed interface Filing {
  /**
   * Filed: the backend's request, and the seasons it covers (empty for a film or a whole series).
   */
  record Made(RequestRecord record, List<Integer> seasons, boolean upcoming) implements Filing {}

  /**
   * Not filed, because it is being filed right now, was filed through Overtalkerr minutes ago, or
   * the backend already has it; {@code noSeasonsLeft} when the backend says every season is taken.
   */
  record Duplicate(boolean noSeasonsLeft) implements Filing {}

  /** The backend refused or failed. */
  record Failed(BackendException error) implements Filing {}
}
