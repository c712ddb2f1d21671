package dev.overtalkerr.conversation;

import java.time.Instant;

/**
 * One conversation: its {@link DialogState} and when it was last spoken to. Turns of a session run
 * one at a time under its lock; the state itself is immutable, so a turn replaces it.
 */
final class Session {
  DialogState state = DialogState.IDLE;
  volatile Instant lastActivity = Instant.EPOCH;
  /** Dropped from the {@link Sessions} (evicted or long idle); a turn that still holds it fetches a new one. */
  volatile boolean dead;
}
