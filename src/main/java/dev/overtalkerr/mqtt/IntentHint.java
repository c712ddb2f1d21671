package dev.overtalkerr.mqtt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code intent} hint a sentence trigger may send with a turn (the contract's list). */
public enum IntentHint {
  REQUEST, MOVIE, SHOW, SEASON, CONFIRM, REJECT, NEXT, CANCEL, HELP;

  /** The name on the wire, e.g. {@code confirm}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The hint named {@code wire} exactly, if it is one. */
  public static Optional<IntentHint> parse(String wire) {
    return Arrays.stream(values()).filter(h -> h.wire().equals(wire)).findFirst();
  }

  /** "cancel, confirm, ...": every wire name, sorted, for messages. */
  static String names() {
    return Arrays.stream(values()).map(IntentHint::wire).sorted().collect(Collectors.joining(", "));
  }
}
