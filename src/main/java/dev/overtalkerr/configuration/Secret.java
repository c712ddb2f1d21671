package dev.overtalkerr.configuration;

import dev.overtalkerr.logging.Secrets;

/**
 * A secret setting (API key, password). Its {@code toString} never shows the value, so settings
 * records can be logged whole; the value is registered for masking in every log line.
 */
public final class Secret {
  private static final Secret EMPTY = new Secret("");
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    if (value == null || value.isEmpty()) {
      return EMPTY;
    }
    Secrets.register(value);
    return new Secret(value);
  }

  /** The value, for the one place that sends it (an HTTP header, the MQTT CONNECT). */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return value.isEmpty() ? "(none)" : Secrets.MASK;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
