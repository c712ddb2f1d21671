package dev.overtalkerr.conversation;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Everything Overtalkerr says, from the resource bundles {@code phrases_<language>.properties}
 * (one per language). Arguments are passed as text, so that years and numbers are spoken as
 * written ("2021", not "2,021"), except numbers that a {@code choice} format needs; titles are
 * passed as the backend spells them.
 */
@Singleton
public final class Speech {
  private final Map<String, ResourceBundle> bundles = new ConcurrentHashMap<>();

  @Inject
  public Speech() {}

  /** The phrase {@code key} in {@code language}, with its arguments. */
  public String say(String language, String key, Object... args) {
    ResourceBundle bundle = bundle(language);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no phrase " + key + " for " + language, e);
    }
    if (args.length == 0) {
      return pattern.replace("''", "'");
    }
    Object[] text = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      boolean choice = args[i] instanceof Number && pattern.contains("{" + i + ",choice");
      text[i] = args[i] == null ? "" : choice ? args[i] : String.valueOf(args[i]);
    }
    return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(text);
  }


  /**
   * Season numbers as spoken: "season 2", "seasons 1 and 2", "seasons 1 to 4", "seasons 1, 3 and
   * 5" (and the German equivalents).
   */
  public String seasons(String language, List<Integer> numbers) {
    List<Integer> sorted = numbers.stream().distinct().sorted().toList();
    if (sorted.isEmpty()) {
      return say(language, "seasons.none");
    }
    if (sorted.size() == 1) {
      return say(language, "seasons.one", sorted.get(0));
    }
    boolean consecutive = sorted.get(sorted.size() - 1) - sorted.get(0) == sorted.size() - 1;
    if (consecutive && sorted.size() > 2) {
      return say(language, "seasons.range", sorted.get(0), sorted.get(sorted.size() - 1));
    }
    return say(language, "seasons.list", list(language, sorted.subList(0, sorted.size() - 1)), sorted.get(sorted.size() - 1));
  }

  private String list(String language, List<Integer> numbers) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < numbers.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(numbers.get(i));
    }
    return b.toString();
  }

  private ResourceBundle bundle(String language) {
    return bundles.computeIfAbsent(language, l -> ResourceBundle.getBundle("phrases", Locale.forLanguageTag(l),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }
}
