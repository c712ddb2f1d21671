package dev.overtalkerr.understanding;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as speech-to-text writes them, in English and German: digits ("2", "2nd", "80s"),
 * cardinal words ("twenty one", "einundzwanzig"), ordinals ("second", "zweite"), spoken years
 * ("nineteen ninety nine", "two thousand and four", "neunzehnhundertneunundneunzig") and decades
 * ("the eighties", "80s", "achtziger").
 *
 * <p>Every method reads normalised tokens (lower-case, apostrophes removed, no punctuation) from a
 * position and returns the value with the number of tokens it covers, or null when no number
 * starts there.
 */
final class NumberWords {

  /** A number read from {@code length} tokens. */
  record Match(int value, int length) {}

  private NumberWords() {}

  private static final Map<String, Integer> EN_SMALL =
      Map.ofEntries(
          Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
          Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
          Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
          Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
          Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
          Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));

  private static final Map<String, Integer> EN_TENS =
      Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
          "eighty", 80, "ninety", 90);

  private static final Map<String, Integer> EN_ORDINALS =
      Map.ofEntries(
          Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3),
          Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
          Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9),
          Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
          Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15),
          Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18),
          Map.entry("nineteenth", 19), Map.entry("twentieth", 20), Map.entry("thirtieth", 30),
          Map.entry("fortieth", 40), Map.entry("fiftieth", 50), Map.entry("sixtieth", 60),
          Map.entry("seventieth", 70), Map.entry("eightieth", 80), Map.entry("ninetieth", 90),
          Map.entry("hundredth", 100));

  private static final Map<String, Integer> EN_DECADES =
      Map.of("twenties", 20, "thirties", 30, "forties", 40, "fifties", 50, "sixties", 60,
          "seventies", 70, "eighties", 80, "nineties", 90, "tens", 10);

  private static final Map<String, Integer> DE_BASE =
      Map.ofEntries(
          Map.entry("null", 0), Map.entry("ein", 1), Map.entry("eins", 1), Map.entry("eine", 1),
          Map.entry("zwei", 2), Map.entry("zwo", 2), Map.entry("drei", 3), Map.entry("vier", 4),
          Map.entry("fünf", 5), Map.entry("sechs", 6), Map.entry("sieben", 7),
          Map.entry("acht", 8), Map.entry("neun", 9), Map.entry("zehn", 10), Map.entry("elf", 11),
          Map.entry("zwölf", 12), Map.entry("dreizehn", 13), Map.entry("vierzehn", 14),
          Map.entry("fünfzehn", 15), Map.entry("sechzehn", 16), Map.entry("siebzehn", 17),
          Map.entry("achtzehn", 18), Map.entry("neunzehn", 19), Map.entry("zwanzig", 20),
          Map.entry("dreißig", 30), Map.entry("dreissig", 30), Map.entry("vierzig", 40),
          Map.entry("fünfzig", 50), Map.entry("sechzig", 60), Map.entry("siebzig", 70),
          Map.entry("achtzig", 80), Map.entry("neunzig", 90));

  /** Ordinal stems that are not the cardinal word: "erste", "dritte", "siebte", "achte". */
  private static final Map<String, Integer> DE_ORDINAL_STEMS =
      Map.of("ers", 1, "drit", 3, "sieb", 7, "ach", 8);

  private static final List<String> DE_ORDINAL_SUFFIXES =
      List.of("sten", "ster", "stes", "stem", "ste", "ten", "ter", "tes", "tem", "te");

  private static final Pattern DIGITS = Pattern.compile("\\d{1,6}");
  private static final Pattern DIGIT_ORDINAL = Pattern.compile("(\\d{1,4})(st|nd|rd|th)");
  private static final Pattern DIGIT_DECADE = Pattern.compile("(\\d{2}|1[89]\\d0|20\\d0)s");
  private static final Pattern DE_DIGIT_DECADE =
      Pattern.compile("(\\d{2}|1[89]\\d0|20\\d0)(er|ern|erjahre|erjahren)");
  private static final Pattern DE_WORD_DECADE =
      Pattern.compile("(zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|null)"
          + "(er|ern|erjahre|erjahren)");

  // ---------------------------------------------------------------- cardinals

  /** A cardinal number starting at {@code i}: one digit token or a run of number words. */
  static Match cardinal(List<String> t, int i, boolean german) {
    if (i >= t.size()) {
      return null;
    }
    String w = t.get(i);
    if (DIGITS.matcher(w).matches()) {
      return new Match(Integer.parseInt(w), 1);
    }
    return german ? germanCardinal(t, i) : englishCardinal(t, i);
  }

  private static Match englishCardinal(List<String> t, int i) {
    int total = 0;
    int current = 0;
    int used = 0;
    boolean any = false;
    boolean afterScale = false; // "hundred"/"thousand" just read: "and" may follow
    int j = i;
    while (j < t.size()) {
      String w = t.get(j);
      Integer small = EN_SMALL.get(w);
      Integer tens = EN_TENS.get(w);
      int belowHundred = current % 100;
      if (small != null) {
        boolean fits = small < 10 ? belowHundred == 0 || (belowHundred % 10 == 0 && belowHundred >= 20)
            : belowHundred == 0;
        if (!fits || (any && small == 0)) {
          break;
        }
        current += small;
      } else if (tens != null) {
        if (belowHundred != 0) {
          break;
        }
        current += tens;
      } else if (w.equals("hundred") && any && current % 100 != 0 && current < 100) {
        current *= 100;
        afterScale = true;
      } else if (w.equals("hundred") && !any) {
        current = 100;
      } else if (w.equals("thousand") && any && total == 0) {
        total = (current == 0 ? 1 : current) * 1000;
        current = 0;
        afterScale = true;
      } else if (w.equals("and") && afterScale && j + 1 < t.size()
          && (EN_SMALL.containsKey(t.get(j + 1)) || EN_TENS.containsKey(t.get(j + 1)))) {
        afterScale = false;
        j++;
        continue;
      } else {
        break;
      }
      if (small != null || tens != null) {
        afterScale = false;
      }
      any = true;
      j++;
      used = j - i;
    }
    return any ? new Match(total + current, used) : null;
  }

  private static Match germanCardinal(List<String> t, int i) {
    // Compounds may be written as one word or split: "neunzehnhundertneunundneunzig",
    // "neunzehn hundert neunundneunzig", "zweitausend und vier". Take the longest run that parses.
    StringBuilder joined = new StringBuilder();
    Match best = null;
    for (int j = i; j < Math.min(t.size(), i + 5); j++) {
      joined.append(t.get(j));
      Integer v = germanWord(joined.toString());
      if (v != null) {
        best = new Match(v, j - i + 1);
      } else if (!t.get(j).equals("und") && !t.get(j).equals("hundert") && !t.get(j).equals("tausend")
          && germanWord(t.get(j)) == null) {
        break;
      }
    }
    return best;
  }

  /** Parses one German number word such as "einundzwanzig" or "zweitausendvier"; null if none. */
  static Integer germanWord(String s) {
    if (s.isEmpty()) {
      return null;
    }
    Integer base = DE_BASE.get(s);
    if (base != null) {
      return base;
    }
    int k = s.indexOf("tausend");
    if (k >= 0) {
      Integer left = k == 0 ? Integer.valueOf(1) : germanWord(s.substring(0, k));
      String r = stripUnd(s.substring(k + 7));
      Integer right = r.isEmpty() ? Integer.valueOf(0) : germanWord(r);
      return left == null || right == null || right >= 1000 || left == 0 ? null : left * 1000 + right;
    }
    k = s.indexOf("hundert");
    if (k >= 0) {
      Integer left = k == 0 ? Integer.valueOf(1) : germanWord(s.substring(0, k));
      String r = stripUnd(s.substring(k + 7));
      Integer right = r.isEmpty() ? Integer.valueOf(0) : germanWord(r);
      return left == null || right == null || right >= 100 || left == 0 ? null : left * 100 + right;
    }
    k = s.indexOf("und");
    if (k > 0) {
      Integer unit = DE_BASE.get(s.substring(0, k));
      Integer tens = DE_BASE.get(s.substring(k + 3));
      if (unit != null && tens != null && unit >= 1 && unit <= 9 && tens >= 20 && tens % 10 == 0) {
        return tens + unit;
      }
    }
    return null;
  }

  private static String stripUnd(String s) {
    return s.startsWith("und") ? s.substring(3) : s;
  }

  // ---------------------------------------------------------------- ordinals

  /** An ordinal at {@code i}: "second", "twenty first", "2nd", "zweite", "einundzwanzigste". */
  static Match ordinal(List<String> t, int i, boolean german) {
    if (i >= t.size()) {
      return null;
    }
    String w = t.get(i);
    Matcher m = DIGIT_ORDINAL.matcher(w);
    if (m.matches()) {
      return new Match(Integer.parseInt(m.group(1)), 1);
    }
    if (german) {
      Integer v = germanOrdinal(w);
      return v == null ? null : new Match(v, 1);
    }
    Integer tens = EN_TENS.get(w);
    if (tens != null && i + 1 < t.size()) {
      Integer unit = EN_ORDINALS.get(t.get(i + 1));
      if (unit != null && unit < 10) {
        return new Match(tens + unit, 2);
      }
    }
    Integer v = EN_ORDINALS.get(w);
    return v == null ? null : new Match(v, 1);
  }

  static Integer germanOrdinal(String w) {
    for (String suffix : DE_ORDINAL_SUFFIXES) {
      if (w.endsWith(suffix) && w.length() > suffix.length()) {
        String stem = w.substring(0, w.length() - suffix.length());
        Integer v = DE_ORDINAL_STEMS.get(stem);
        if (v == null) {
          v = germanWord(stem);
          // "-te" for 1..19, "-ste" from 20 on: "zweite", "zwanzigste"
          if (v != null && (v == 0 || (suffix.startsWith("s") != (v >= 20)))) {
            v = null;
          }
        }
        if (v != null) {
          return v;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- years and decades

  /**
   * A year at {@code i}: four digits, or a spoken year between 1900 and 2099 ("nineteen ninety
   * nine", "twenty twenty one", "two thousand and four", "twenty oh five", "zweitausendvier").
   * The caller decides whether the value is a plausible release year.
   */
  static Match year(List<String> t, int i, boolean german) {
    if (i >= t.size()) {
      return null;
    }
    String w = t.get(i);
    if (w.length() == 4 && DIGITS.matcher(w).matches()) {
      return new Match(Integer.parseInt(w), 1);
    }
    if (german) {
      Match m = germanCardinal(t, i);
      if (m != null && m.value() >= 1800 && m.value() <= 2099) {
        return m;
      }
      // "neunzehn neunundneunzig", "zwanzig einundzwanzig": century and year as two numbers
      if (m != null && m.length() == 1 && (m.value() == 19 || m.value() == 20 || m.value() == 18)) {
        Match rest = germanCardinal(t, i + 1);
        if (rest != null && rest.value() >= 10 && rest.value() <= 99) {
          return new Match(m.value() * 100 + rest.value(), 1 + rest.length());
        }
      }
      return null;
    }
    Integer century = EN_SMALL.get(w);
    if (century == null && w.equals("twenty")) {
      century = 20;
    }
    if (century != null && (century == 19 || century == 20 || century == 18) && i + 1 < t.size()) {
      String next = t.get(i + 1);
      if (next.equals("hundred")) {
        return new Match(century * 100, 2);
      }
      if ((next.equals("oh") || next.equals("o")) && i + 2 < t.size()) {
        Integer unit = EN_SMALL.get(t.get(i + 2));
        if (unit != null && unit >= 1 && unit <= 9) {
          return new Match(century * 100 + unit, 3);
        }
      }
      Match rest = englishCardinal(t, i + 1);
      if (rest != null && rest.value() >= 10 && rest.value() <= 99) {
        return new Match(century * 100 + rest.value(), 1 + rest.length());
      }
    }
    Match c = englishCardinal(t, i);
    if (c != null && c.value() >= 2000 && c.value() <= 2099) {
      return c; // "two thousand and four"
    }
    return null;
  }

  /**
   * A decade at {@code i}, as its first year: "80s", "1980s", "eighties", "nineteen eighties",
   * "noughties", "two thousands", German "80er", "achtzigern", "nullerjahren", each optionally
   * followed by "jahre"/"jahren" in German. Two-digit decades 00-29 are read as 20xx.
   */
  static Match decade(List<String> t, int i, boolean german) {
    if (i >= t.size()) {
      return null;
    }
    String w = t.get(i);
    Match m = german ? germanDecade(w) : englishDecade(t, i);
    if (m != null && german && i + m.length() < t.size()) {
      String next = t.get(i + m.length());
      if (next.equals("jahre") || next.equals("jahren")) {
        m = new Match(m.value(), m.length() + 1);
      }
    }
    return m;
  }

  private static Match englishDecade(List<String> t, int i) {
    String w = t.get(i);
    Matcher m = DIGIT_DECADE.matcher(w);
    if (m.matches()) {
      return new Match(fullDecade(Integer.parseInt(m.group(1))), 1);
    }
    if (w.equals("noughties") || w.equals("naughties") || w.equals("aughts") || w.equals("oughts")) {
      return new Match(2000, 1);
    }
    Integer d = EN_DECADES.get(w);
    if (d != null) {
      return new Match(fullDecade(d), 1);
    }
    if (i + 1 < t.size()) {
      String next = t.get(i + 1);
      if ((w.equals("nineteen") || w.equals("eighteen")) && EN_DECADES.containsKey(next)
          && !next.equals("tens")) {
        return new Match((w.equals("nineteen") ? 1900 : 1800) + EN_DECADES.get(next), 2);
      }
      if (w.equals("twenty") && next.equals("tens")) {
        return new Match(2010, 2);
      }
      if (w.equals("two") && next.equals("thousands")) {
        return new Match(2000, 2);
      }
    }
    return null;
  }

  private static Match germanDecade(String w) {
    Matcher m = DE_DIGIT_DECADE.matcher(w);
    if (m.matches()) {
      return new Match(fullDecade(Integer.parseInt(m.group(1))), 1);
    }
    m = DE_WORD_DECADE.matcher(w);
    if (m.matches()) {
      Integer d = m.group(1).equals("null") ? Integer.valueOf(0) : DE_BASE.get(m.group(1));
      return new Match(fullDecade(d), 1);
    }
    return null;
  }

  private static int fullDecade(int value) {
    if (value >= 100) {
      return value - value % 10;
    }
    return value < 30 ? 2000 + value : 1900 + value;
  }
}
