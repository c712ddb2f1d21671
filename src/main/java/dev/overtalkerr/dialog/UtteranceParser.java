package dev.overtalkerr.dialog;

import java.time.Clock;
import java.util.OptionalInt;

/** PLACEHOLDER replaced by the parser branch before landing. */
public final class UtteranceParser {
  public UtteranceParser(Clock clock) {}

  public Understanding parse(String text, String language) {
    String t = text == null ? "" : text.toLowerCase().replaceAll("[^a-z0-9 ]", "").trim();
    if (t.equals("yes")) return Understanding.of(Intent.CONFIRM);
    if (t.equals("no")) return Understanding.of(Intent.REJECT);
    if (t.equals("cancel")) return Understanding.of(Intent.CANCEL);
    t = t.replaceFirst("^download ", "");
    return new Understanding(Intent.REQUEST, t, TypeHint.ANY, null, null, null, false, null, java.util.List.of());
  }

  public OptionalInt number(String text, String language) {
    return OptionalInt.empty();
  }

  public static String toJson(Understanding u) {
    return "{}";
  }
}
