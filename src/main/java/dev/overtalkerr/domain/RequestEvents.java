package dev.overtalkerr.domain;

/**
 * Told what became of each attempt to file a request, by the dialog and the structured commands
 * alike: filed, nothing filed because it was requested already, or failed. The request tracker
 * listens here and follows what was filed until it is available, declined or failed.
 */
@FunctionalInterface
public interface RequestEvents {

  /** What became of one attempt. */
  enum Outcome {
    FILED,
    DUPLICATE,
    FAILED
  }

  /**
   * One attempt.
   *
   * @param outcome what became of it
   * @param item the title
   * @param request what was (to be) filed
   * @param made the backend's request, for {@link Outcome#FILED}; else null
   * @param requester who it was filed as
   * @param satelliteId the satellite it was asked from, or null
   * @param error the failure's stable code for {@link Outcome#FAILED}; else null
   */
  record Filing(Outcome outcome, MediaItem item, MediaRequest request, RequestRecord made, Requester requester,
      String satelliteId, String error) {}

  void filing(Filing filing);

  /** Tells no one (tests and tools that build a desk by hand). */
  RequestEvents NONE = filing -> { };
}
