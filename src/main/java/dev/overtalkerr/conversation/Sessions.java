package dev.overtalkerr.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The open conversations, one per satellite, device, user or conversation id, bounded in number:
 * sessions silent for longer than the session timeout are dropped as new ones arrive, and beyond
 * {@code capacity} the least recently used one is dropped, so a flood of distinct ids cannot fill
 * the memory. A dropped session is marked dead; a turn that fetched it just before then fetches a
 * fresh one.
 */
final class Sessions {
  private final Clock clock;
  private final Duration timeout;
  private final int capacity;
  private final LinkedHashMap<String, Session> open = new LinkedHashMap<>(64, 0.75f, true);

  Sessions(Clock clock, Duration timeout, int capacity) {
    this.clock = clock;
    this.timeout = timeout;
    this.capacity = capacity;
  }

  /** The session for {@code key}, made when there is none. */
  Session get(String key) {
    Instant cutoff = clock.instant().minus(timeout);
    synchronized (open) {
      Session s = open.get(key);
      if (s == null) {
        s = new Session();
        s.lastActivity = clock.instant();
        open.put(key, s);
      }
      // the least recently used come first: drop the silent ones, then any over the capacity
      Iterator<Map.Entry<String, Session>> it = open.entrySet().iterator();
      while (it.hasNext()) {
        Session eldest = it.next().getValue();
        if (eldest == s || (open.size() <= capacity && !eldest.lastActivity.isBefore(cutoff))) {
          break;
        }
        it.remove();
        drop(eldest);
      }
      return s;
    }
  }

  /** How many sessions are open. */
  int size() {
    synchronized (open) {
      return open.size();
    }
  }

  private static void drop(Session s) {
    s.dead = true; // never wait for a busy session's lock here: its turn finishes on a dropped session
  }
}
