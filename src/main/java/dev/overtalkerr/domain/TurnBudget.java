package dev.overtalkerr.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The time one turn may take, shared by all of its backend calls. A backend call is not started
 * when less than {@link #MARGIN} is left, or once the caller has given up on the turn (it already
 * answered with an apology): then the turn ends as "out of time" and leaves nothing half-done.
 */
public final class TurnBudget {
  /** The least time a backend call is started with. */
  public static final Duration MARGIN = Duration.ofSeconds(1);
  /** No deadline (tests, and callers that wait for as long as it takes). */
  public static final TurnBudget NONE = new TurnBudget(Instant.MAX, () -> false, Clock.systemUTC());

  private final Instant deadline;
  private final BooleanSupplier abandoned;
  private final Clock clock;

  /**
   * @param deadline when the reply must have been sent
   * @param abandoned true once the caller has answered without waiting for this turn
   * @param clock the time source
   */
  public TurnBudget(Instant deadline, BooleanSupplier abandoned, Clock clock) {
    this.deadline = deadline;
    this.abandoned = abandoned;
    this.clock = clock;
  }

  /** Throws {@link OutOfTime} when no further backend call should start. */
  public void beforeBackendCall() {
    if (abandoned.getAsBoolean() || (!deadline.equals(Instant.MAX) && clock.instant().plus(MARGIN).isAfter(deadline))) {
      throw new OutOfTime();
    }
  }

  /** True once the caller has answered without this turn. */
  public boolean abandoned() {
    return abandoned.getAsBoolean();
  }

  /** The turn ran out of time before a backend call. */
  public static final class OutOfTime extends RuntimeException {
    OutOfTime() {
      super("the turn ran out of time", null, false, false);
    }
  }
}
