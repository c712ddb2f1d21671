package dev.overtalkerr.conversation;

import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.understanding.Expect;
import java.util.Locale;

/**
 * What to say back, and where the dialog stands. Mirrors the Assist contract's reply fields.
 *
 * @param speech plain text for text-to-speech
 * @param end true when nothing is pending for this session
 * @param expect what a follow-up should answer
 * @param state the outcome of this turn
 * @param candidate the title on offer or concerned, or null
 * @param request the backend request made in this turn, or null
 * @param error the failure, or null
 */
public record Reply(
    String speech,
    boolean end,
    Expect expect,
    State state,
    MediaItem candidate,
    RequestRecord request,
    ErrorInfo error) {

  /** This reply expecting {@code next} (what the state the turn ends in waits for). */
  public Reply expecting(Expect next) {
    return next == expect ? this : new Reply(speech, end, next, state, candidate, request, error);
  }

  /** The outcome of a turn. */
  public enum State {
    WELCOME,
    OFFER,
    QUESTION,
    REQUESTED,
    ALREADY_AVAILABLE,
    ALREADY_REQUESTED,
    NOT_FOUND,
    NO_MORE_RESULTS,
    CANCELLED,
    GOODBYE,
    HELP,
    ERROR,
    /** An answer about the requests ("what's downloading", "what did I ask for"). */
    STATUS,
    /** Yes to playing a title that is in the library: the caller plays {@code candidate}. */
    PLAY;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A stable code and a message for logs and automations.
   *
   * @param code machine-readable, e.g. {@code backend_unreachable}
   * @param message a sentence for people reading logs or dashboards
   */
  public record ErrorInfo(String code, String message) {}
}
