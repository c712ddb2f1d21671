package dev.overtalkerr.domain;

import java.util.Locale;

/**
 * Where a request stands on its way to the library: the request's own status and its media's
 * availability read together. The order is the order of progress; DECLINED and FAILED end it
 * without the title, AVAILABLE with it.
 */
public enum RequestProgress {
  PENDING,
  APPROVED,
  PARTIALLY_AVAILABLE,
  AVAILABLE,
  DECLINED,
  FAILED;

  /** Where this request stands. */
  public static RequestProgress of(RequestRecord r) {
    if (r.status() == RequestStatus.DECLINED) {
      return DECLINED;
    }
    if (r.status() == RequestStatus.FAILED) {
      return FAILED;
    }
    if (r.mediaStatus() == Availability.AVAILABLE) {
      return AVAILABLE;
    }
    if (r.mediaStatus() == Availability.PARTIALLY_AVAILABLE) {
      return PARTIALLY_AVAILABLE;
    }
    if (r.status() == RequestStatus.COMPLETED) {
      return AVAILABLE;
    }
    if (r.status() == RequestStatus.APPROVED || r.mediaStatus() == Availability.PROCESSING) {
      return APPROVED;
    }
    return PENDING;
  }

  /** True when nothing will change any more: available, declined or failed. */
  public boolean isFinal() {
    return this == AVAILABLE || this == DECLINED || this == FAILED;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
