package dev.overtalkerr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.backend.DetectingBackend;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backends that wrap another one (the detecting backend) pass every call of the port on, the defaults too: a default
 * left out would quietly answer for the real backend (no credits, no film status, no counts).
 */
class BackendDecoratorsTest {
  @Test
  void everyWrapperPassesEveryCallOfThePortOn() {
    for (Class<?> wrapper : List.<Class<?>>of(DetectingBackend.class)) {
      List<String> missing = new ArrayList<>();
      for (Method m : MediaBackend.class.getMethods()) {
        if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        try {
          wrapper.getDeclaredMethod(m.getName(), m.getParameterTypes());
        } catch (NoSuchMethodException e) {
          missing.add(m.getName());
        }
      }
      assertThat(missing).as(wrapper.getSimpleName() + " passes on").isEmpty();
    }
  }
}
