package dev.overtalkerr.ranking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a stylised title is said aloud, so that the spoken words find it: digits standing for
 * letters ("M3GAN" is said "megan"), a digit inside a word said as its number ("Se7en" is said
 * "seven"), symbols said as words ("+" "plus", "@" "at", "%" "percent", "$" "s"), and Roman numerals that {@link dev.overtalkerr.domain.Titles} leaves alone
 * because they are also words ("Rocky V", "Star Wars: Episode IX"). Each form is an alternative
 * written title for {@link TitleSimilarity}; the title as written is compared as well.
 */
final class SpokenForms {
  private SpokenForms() {}

  private static final Map<Character, Character> LEET = Map.of(
      '0', 'o', '1', 'i', '3', 'e', '4', 'a', '5', 's', '7', 't', '8', 'b');

  private static final String[] DIGIT_WORDS = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

  private static final Map<String, String> ROMAN = Map.of(
      "i", "1", "v", "5", "x", "10", "ix", "9", "xi", "11", "xii", "12", "xiii", "13", "xiv", "14");

  private static final Map<String, String> SYMBOLS = Map.of(
      "+", " plus ", "@", " at ", "%", " percent ", "$", "s", "#", " number ");

  /** The other ways the written title may be said; empty when it is said as written. */
  static List<String> of(String written) {
    if (written == null || written.isBlank()) {
      return List.of();
    }
    Set<String> forms = new LinkedHashSet<>();
    String symbols = written;
    for (Map.Entry<String, String> e : SYMBOLS.entrySet()) {
      symbols = symbols.replace(e.getKey(), e.getValue());
    }
    forms.add(symbols);
    String[] words = symbols.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    List<String> leet = new ArrayList<>();
    List<String> said = new ArrayList<>();
    List<String> roman = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      leet.add(mixed(w) ? leet(w) : w);
      said.add(mixed(w) ? digitSaid(w) : w);
      // a lone Roman numeral after a word: "rocky v", "episode ix" (not a leading "i" or "x")
      roman.add(i > 0 && ROMAN.containsKey(w) ? ROMAN.get(w) : w);
    }
    forms.add(String.join(" ", leet));
    forms.add(String.join(" ", said));
    forms.add(String.join(" ", roman));
    forms.remove(written);
    forms.removeIf(f -> f.equalsIgnoreCase(written) || f.isBlank());
    return List.copyOf(forms);
  }

  /** Letters and digits in one word: "m3gan", "se7en" (not "2049" or "dune"). */
  private static boolean mixed(String w) {
    return w.chars().anyMatch(Character::isLetter) && w.chars().anyMatch(Character::isDigit);
  }

  private static String leet(String w) {
    StringBuilder b = new StringBuilder(w.length());
    for (char c : w.toCharArray()) {
      b.append(LEET.getOrDefault(c, c));
    }
    return b.toString();
  }

  /**
   * Each digit said as its number, merged with the letters around it where they repeat its sound:
   * "se7en" is "se" + "seven" + "en", said "seven".
   */
  private static String digitSaid(String w) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < w.length()) {
      char c = w.charAt(i);
      if (!Character.isDigit(c)) {
        b.append(c);
        i++;
        continue;
      }
      String number = DIGIT_WORDS[c - '0'];
      int before = overlap(b.toString(), number);
      b.setLength(b.length() - before);
      b.append(number);
      String rest = w.substring(i + 1);
      int after = 0;
      for (int k = Math.min(rest.length(), number.length()); k > 0; k--) {
        if (number.endsWith(rest.substring(0, k)) && rest.substring(0, k).chars().allMatch(Character::isLetter)) {
          after = k;
          break;
        }
      }
      i += 1 + after;
    }
    return b.toString();
  }

  /** The longest end of {@code text} that starts {@code word}. */
  private static int overlap(String text, String word) {
    for (int k = Math.min(text.length(), word.length()); k > 0; k--) {
      if (word.startsWith(text.substring(text.length() - k))) {
        return k;
      }
    }
    return 0;
  }
}
