package dev.overtalkerr.domain;

import java.util.List;

/**
 * How many requests stand where, as the backend counts them.
 *
 * @param pending waiting for approval
 * @param processing approved and not in the library yet
 * @param available in the library (the request is completed)
 * @param declined refused by an admin
 * @param total every request the backend keeps
 */
public record RequestCounts(int pending, int processing, int available, int declined, int total) {

  /** Counts from a list of requests, for backends without counters of their own. */
  public static RequestCounts of(List<RequestRecord> records) {
    int pending = 0;
    int processing = 0;
    int available = 0;
    int declined = 0;
    for (RequestRecord r : records) {
      switch (RequestProgress.of(r)) {
        case PENDING -> pending++;
        case APPROVED, PARTIALLY_AVAILABLE -> processing++;
        case AVAILABLE -> available++;
        case DECLINED -> declined++;
        default -> { }
      }
    }
    return new RequestCounts(pending, processing, available, declined, records.size());
  }
}
