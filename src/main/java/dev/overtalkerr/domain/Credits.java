package dev.overtalkerr.domain;

import java.util.Set;

/**
 * The films and series a person worked on (as actor or crew), as the backend knows them, so that
 * "dune, the one with Kyle MacLachlan" chooses among the results by their credits.
 *
 * @param person the name as the backend spells it, or as spoken when the backend knows nobody by it
 * @param titles the credited titles; empty when the person is unknown or the backend cannot tell
 */
public record Credits(String person, Set<Credit> titles) {

  /** One credited title. */
  public record Credit(MediaType type, int tmdbId) {}

  public Credits {
    titles = titles == null ? Set.of() : Set.copyOf(titles);
  }

  /** Nobody known by that name, or a backend that cannot look people up. */
  public static Credits none(String person) {
    return new Credits(person, Set.of());
  }

  public boolean isEmpty() {
    return titles.isEmpty();
  }

  /** Whether the person is credited on this title. */
  public boolean includes(MediaItem item) {
    return item != null && item.tmdbId() != 0 && titles.contains(new Credit(item.type(), item.tmdbId()));
  }
}
