package dev.overtalkerr.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Keeps secrets (API keys, passwords) out of every log line and payload. Configuration registers
 * each secret value at start-up; {@link #mask} replaces registered values, and anything that looks
 * like {@code apikey=...}, {@code password: ...} or an {@code X-Api-Key} header, with {@code ****}.
 */
public final class Secrets {
  public static final String MASK = "****";
  private static final List<String> VALUES = new CopyOnWriteArrayList<>();
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "(?i)((?:x-api-key|api[-_ ]?key|apikey|token|password|passwd|secret)\"?\\s*[=:]\\s*\"?)[^\\s\",;}&]+");

  private Secrets() {}

  /** Registers a secret value so that it is masked wherever it appears. Short values are ignored. */
  public static void register(String value) {
    if (value != null && value.length() >= 4 && !VALUES.contains(value)) {
      VALUES.add(value);
    }
  }

  /** The text with every registered secret and every key=value secret masked. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String v : VALUES) {
      out = out.replace(v, MASK);
    }
    return KEY_VALUE.matcher(out).replaceAll("$1" + MASK);
  }
}
