package dev.overtalkerr.domain;

import java.util.Locale;

/**
 * Stable, machine-readable reasons a backend call failed. The {@link #code()} travels in MQTT
 * replies ({@code error.code}); each has a spoken phrase in the dialog bundles under {@code
 * error.<code>}.
 */
public enum BackendError {
  /** Nothing answered at the configured address (connection refused, DNS, TLS). */
  UNREACHABLE,
  /** The backend did not answer within the voice budget. */
  TIMEOUT,
  /** The API key was refused (401, or 403 on the permission check with the owner). */
  AUTH_REFUSED,
  /** The mapped user lacks the permission (e.g. to request 4K or series). */
  PERMISSION_DENIED,
  /** The mapped user is over their request quota. */
  QUOTA_EXCEEDED,
  /** The same title (and seasons) was requested before (Seerr 409, Ombi "already requested"). */
  ALREADY_REQUESTED,
  /** Every asked-for season is already requested or available (Seerr 202). */
  NO_SEASONS_LEFT,
  /** The title is blocklisted on the backend. */
  BLOCKLISTED,
  /** CSRF protection is switched on and the token exchange did not help. */
  CSRF_PROTECTION,
  /** The backend has no such title. */
  NOT_FOUND,
  /** The backend answered with a server error. */
  SERVER_ERROR,
  /** The backend answered, but with something we could not read (or too much of it). */
  BAD_RESPONSE,
  /**
   * The backend answered with a redirect (3xx). Never followed: a write must not turn into a GET,
   * and the API key must not travel to another address. The configured URL needs fixing.
   */
  REDIRECTED,
  /** The person asking is not mapped to a backend user and no default is configured. */
  USER_NOT_MAPPED;

  /** The code in MQTT replies and logs, e.g. {@code quota_exceeded}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
