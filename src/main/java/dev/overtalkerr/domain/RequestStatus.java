package dev.overtalkerr.domain;

/** A backend request's own state (Seerr's MediaRequestStatus; Ombi's approved/denied flags). */
public enum RequestStatus {
  PENDING_APPROVAL,
  APPROVED,
  DECLINED,
  FAILED,
  COMPLETED,
  UNKNOWN;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
