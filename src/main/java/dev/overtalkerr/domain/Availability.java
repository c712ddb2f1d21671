package dev.overtalkerr.domain;

/**
 * Where a title (or one season of it, or its 4K copy) stands on the backend, in the Seerr
 * family's terms. Ombi's flags map onto the same values.
 */
public enum Availability {
  /** Never requested and not in the library (Seerr 1, or no mediaInfo at all). */
  UNKNOWN,
  /** Requested, waiting for approval (Seerr 2). */
  PENDING,
  /** Approved and being downloaded (Seerr 3). */
  PROCESSING,
  /** Some of it is in the library (Seerr 4). */
  PARTIALLY_AVAILABLE,
  /** In the library (Seerr 5). */
  AVAILABLE,
  /** Blocklisted by an admin (Jellyseerr/Seerr 6): cannot be requested. */
  BLOCKLISTED,
  /** Was in the library and was removed (Jellyseerr/Seerr 7): may be requested again. */
  DELETED;

  /** True when a new request for this would be a duplicate of an existing one or of the library. */
  public boolean isRequestedOrAvailable() {
    return this == PENDING || this == PROCESSING || this == AVAILABLE;
  }

  /** True when a request may still be filed (nothing there, partly there, or deleted). */
  public boolean isRequestable() {
    return this == UNKNOWN || this == PARTIALLY_AVAILABLE || this == DELETED;
  }
}
