package dev.overtalkerr.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import dev.overtalkerr.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The open conversations stay bounded whatever the traffic. */
class SessionsTest {
  @Test
  void aFloodOfDistinctIdsKeepsAtMostTheCapacityAndDropsTheLeastRecentlyUsed() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
    Sessions sessions = new Sessions(clock, Duration.ofMinutes(10), 100);
    Session kitchen = sessions.get("kitchen");
    for (int i = 0; i < 100_000; i++) {
      sessions.get("flood-" + i);
      if (i % 50 == 0) {
        assertThat(sessions.get("kitchen")).isSameAs(kitchen); // in use, so never the least recently used
      }
    }
    assertThat(sessions.size()).isLessThanOrEqualTo(100);
    assertThat(kitchen.dead).isFalse();
    Session first = sessions.get("flood-0");
    assertThat(first.dead).isFalse();
  }

  @Test
  void silentSessionsAreDroppedAsNewOnesArrive() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
    Sessions sessions = new Sessions(clock, Duration.ofMinutes(10), 1000);
    Session old = sessions.get("den");
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    Session fresh = sessions.get("kitchen");
    assertThat(old.dead).isTrue();
    assertThat(sessions.size()).isEqualTo(1);
    assertThat(sessions.get("den")).isNotSameAs(old);
    assertThat(fresh.dead).isFalse();
  }
}
