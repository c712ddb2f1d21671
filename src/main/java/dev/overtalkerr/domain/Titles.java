package dev.overtalkerr.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How titles are written as text: the one normaliser that every comparison of titles uses. Lower
 * case, accents folded ("Amélie" = "amelie"), apostrophes dropped ("ocean's" = "oceans"), other
 * punctuation turned into spaces ("Spider-Man" = "spider man"), "&amp;" read as "and", and English
 * number words and small Roman numerals written as digits ("ocean's eight" = "oceans 8", "part
 * two" = "part ii" = "part 2", "nineteen seventeen" = "1917"). Articles are kept.
 */
public final class Titles {
  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern APOSTROPHES = java.util.regex.Pattern.compile("['’`´]");
  private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  private Titles() {}

  private static final Set<String> ARTICLES = Set.of("the", "a", "an", "der", "die", "das");

  private static final Map<String, Integer> SMALL = Map.ofEntries(
      Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
      Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
      Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
      Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
      Map.entry("eighteen", 18), Map.entry("nineteen", 19));

  private static final Map<String, Integer> TENS = Map.of(
      "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
      "eighty", 80, "ninety", 90);

  private static final Map<String, String> ROMAN = Map.of(
      "ii", "2", "iii", "3", "iv", "4", "vi", "6", "vii", "7", "viii", "8");

  /** Edit distance (insertions, deletions, substitutions) between two strings. */
  public static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }

  /** The normalised form of a title: its {@linkplain #tokens words} joined by single spaces. */
  public static String normalize(String title) {
    return String.join(" ", tokens(title));
  }

  /** The normalised words of a title (see the class comment), articles kept. */
  public static List<String> tokens(String title) {
    if (title == null) {
      return List.of();
    }
    // a superscript number is a sequel number of its own ("Alien³" is "Alien 3")
    String s = title.replace("²", " 2").replace("³", " 3");
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT)
        .replace("ß", "ss")
        .replace("æ", "ae")
        .replace("ø", "o")
        .replace("&", " and ");
    s = NOT_WORD.matcher(APOSTROPHES.matcher(s).replaceAll("")).replaceAll(" ").trim();
    if (s.isEmpty()) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    for (String w : s.split(" ")) {
      words.add(ROMAN.getOrDefault(w, w));
    }
    return numbersAsDigits(words);
  }

  /** Drops one leading article ("the office" becomes "office"). */
  public static List<String> withoutArticle(List<String> words) {
    return words.size() > 1 && ARTICLES.contains(words.get(0)) ? words.subList(1, words.size()) : words;
  }

  /**
   * Rewrites runs of English number words as digits: "eight" 8, "twenty one" 21, "three hundred"
   * 300, "two thousand twelve" 2012, and the spoken-year pattern of two two-digit numbers
   * "nineteen seventeen" 1917, "twenty forty nine" 2049.
   */
  public static List<String> numbersAsDigits(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    int i = 0;
    while (i < words.size()) {
      if (!isNumberWord(words.get(i))) {
        out.add(words.get(i));
        i++;
        continue;
      }
      int end = i;
      while (end < words.size() && isNumberWord(words.get(end))) {
        end++;
      }
      out.addAll(spellRun(words.subList(i, end)));
      i = end;
    }
    return out;
  }

  private static boolean isNumberWord(String w) {
    return SMALL.containsKey(w) || TENS.containsKey(w) || w.equals("hundred") || w.equals("thousand");
  }

  /** Digits for one run of number words; several numbers when the run does not form one. */
  private static List<String> spellRun(List<String> run) {
    // Split into groups that each form one cardinal number below a hundred ("twenty one").
    List<Integer> groups = new ArrayList<>();
    boolean scaled = false;
    for (int k = 0; k < run.size(); k++) {
      String w = run.get(k);
      if (w.equals("hundred") || w.equals("thousand")) {
        scaled = true;
        break;
      }
      if (TENS.containsKey(w) && k + 1 < run.size() && SMALL.containsKey(run.get(k + 1))
          && SMALL.get(run.get(k + 1)) > 0 && SMALL.get(run.get(k + 1)) < 10) {
        groups.add(TENS.get(w) + SMALL.get(run.get(k + 1)));
        k++;
      } else {
        groups.add(TENS.containsKey(w) ? TENS.get(w) : SMALL.get(w));
      }
    }
    if (scaled) {
      return List.of(Long.toString(cardinal(run)));
    }
    if (groups.size() == 2 && groups.get(0) >= 10 && groups.get(1) >= 10) {
      return List.of(Integer.toString(groups.get(0) * 100 + groups.get(1)));
    }
    return groups.stream().map(String::valueOf).toList();
  }

  private static long cardinal(List<String> run) {
    long total = 0;
    long current = 0;
    for (String w : run) {
      if (w.equals("hundred")) {
        current = (current == 0 ? 1 : current) * 100;
      } else if (w.equals("thousand")) {
        total += (current == 0 ? 1 : current) * 1000;
        current = 0;
      } else {
        current += TENS.containsKey(w) ? TENS.get(w) : SMALL.get(w);
      }
    }
    return total + current;
  }
}
