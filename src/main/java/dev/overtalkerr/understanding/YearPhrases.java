package dev.overtalkerr.understanding;

import java.util.List;

/**
 * Years in an utterance: at the end with a connector ("from 1999", "from nineteen ninety nine",
 * "released in 2004", "from the eighties", "from the late 80s", "this year", "von 1999", "aus
 * den 80ern", "from 1990 to 1999"), with "the" ("footloose the eighties", "the 1984 one"), bare
 * after a title ("dune 2021", read both ways), or before it ("the 1978 halloween"). Each method
 * removes what it reads from the tokens and returns it, or returns null and leaves them alone.
 */
final class YearPhrases {
  /**
   * What was read.
   *
   * @param years the years, or null when only an alternative reading was found
   * @param type the media type a word after the years named ("the 1984 film"), or null
   * @param alternative the words as spoken, when they may be the title's, or null
   */
  record Found(YearRange years, TypeHint type, Reading alternative) {}

  private final Vocabulary v;
  private final int currentYear;

  YearPhrases(Vocabulary v, int currentYear) {
    this.v = v;
    this.currentYear = currentYear;
  }

  /** How a year expression was said, which decides what it needs around it to count. */
  private enum YearKind {
    /** "this year", "letztes Jahr": always years. */
    RELATIVE,
    /** "the eighties", "80ern": needs a connector, or "the" after a title or before "one". */
    DECADE,
    /** "1999", "nineteen ninety nine": needs a connector, or "the"/a title before "one"/"version". */
    YEAR,
    /** "eighty two", "'86": needs a connector other than "in" ("gone in 60 seconds"). */
    SHORT_YEAR
  }

  /** Years said by the tokens from {@code start} up to a given end. */
  private record YearSpan(YearRange range, int start, YearKind kind) {}

  /** Years at the end, with a connector or "the": "from 1999", "the 80s", "the 1984 one". */
  Found trailing(List<String> t) {
    int size = t.size();
    int post = v.yearPostfix.matchEndingAt(t, size);
    for (int postfix : post > 0 ? new int[] {post, 0} : new int[] {0}) {
      YearSpan span = yearSpanEndingAt(t, size - postfix);
      if (span == null) {
        continue;
      }
      if (span.kind() == YearKind.DECADE) {
        span = partOfDecade(t, span);
      }
      int start = span.start();
      boolean article = start > 0 && v.yearArticles.contains(key(t, start - 1))
          && span.kind() != YearKind.RELATIVE;
      int from = article ? start - 1 : start;
      int conn = connectorBefore(t, from);
      if (conn == 0 && span.kind() == YearKind.YEAR) {
        Found range = yearRange(t, span, postfix, size);
        if (range != null) {
          return range;
        }
      }
      boolean ok = switch (span.kind()) {
        case RELATIVE -> true;
        case DECADE -> conn > 0 || (article && (from > 0 || postfix > 0)); // "footloose the eighties"
        case YEAR -> conn > 0 || (postfix > 0 && (article || from > 0)); // "the 1984 one"
        case SHORT_YEAR -> conn > 0 && !(conn == 1 && key(t, from - 1).equals("in"));
      };
      if (ok) {
        return remove(t, from - conn, span.range(), postfix, size);
      }
    }
    return null;
  }

  private YearSpan yearSpanEndingAt(List<String> t, int e) {
    int cy = currentYear;
    int n;
    if ((n = v.thisYear.matchEndingAt(t, e)) > 0) {
      return new YearSpan(YearRange.of(cy), e - n, YearKind.RELATIVE);
    }
    if ((n = v.lastYear.matchEndingAt(t, e)) > 0) {
      return new YearSpan(YearRange.of(cy - 1), e - n, YearKind.RELATIVE);
    }
    if ((n = v.nextYear.matchEndingAt(t, e)) > 0) {
      return new YearSpan(YearRange.of(cy + 1), e - n, YearKind.RELATIVE);
    }
    for (int i = Math.max(0, e - 3); i < e; i++) {
      NumberWords.Match d = NumberWords.decade(t, i, v.german);
      if (d != null && i + d.length() == e) {
        return new YearSpan(YearRange.decade(d.value()), i, YearKind.DECADE);
      }
    }
    for (int i = Math.max(0, e - 4); i < e; i++) {
      NumberWords.Match y = NumberWords.year(t, i, v.german);
      if (y != null && i + y.length() == e && y.value() >= 1870 && y.value() <= cy + 10) {
        return new YearSpan(YearRange.of(y.value()), i, YearKind.YEAR);
      }
    }
    for (int i = Math.max(0, e - 2); i < e; i++) {
      NumberWords.Match c = NumberWords.cardinal(t, i, v.german);
      if (c != null && i + c.length() == e && c.value() >= 30 && c.value() <= 99) {
        return new YearSpan(YearRange.of(1900 + c.value()), i, YearKind.SHORT_YEAR);
      }
    }
    return null;
  }

  /** "the early 80s" (0-4), "the mid 80s" (3-7), "the late 80s" (5-9), "den frühen 80ern". */
  private YearSpan partOfDecade(List<String> t, YearSpan decade) {
    int n = decade.start();
    int first = decade.range().from();
    int k;
    if ((k = v.early.matchEndingAt(t, n)) > 0) {
      return new YearSpan(new YearRange(first, first + 4), n - k, YearKind.DECADE);
    }
    if ((k = v.middle.matchEndingAt(t, n)) > 0) {
      return new YearSpan(new YearRange(first + 3, first + 7), n - k, YearKind.DECADE);
    }
    if ((k = v.late.matchEndingAt(t, n)) > 0) {
      return new YearSpan(new YearRange(first + 5, first + 9), n - k, YearKind.DECADE);
    }
    return decade;
  }

  /** "from 1990 to 1999", "zwischen 1990 und 1999": a span ending in the year found. */
  private Found yearRange(List<String> t, YearSpan last, int postfix, int size) {
    int join = v.rangeJoin.matchEndingAt(t, last.start());
    if (join == 0) {
      return null;
    }
    int firstEnd = last.start() - join;
    for (int i = Math.max(0, firstEnd - 4); i < firstEnd; i++) {
      NumberWords.Match y = NumberWords.year(t, i, v.german);
      if (y != null && i + y.length() == firstEnd && y.value() <= last.range().from()) {
        int open = v.rangeStart.matchEndingAt(t, i);
        if (open > 0) {
          return remove(t, i - open, new YearRange(y.value(), last.range().to()), postfix, size);
        }
      }
    }
    return null;
  }

  private int connectorBefore(List<String> t, int i) {
    return v.yearConnectors.matchEndingAt(t, i);
  }

  /** Removes the tokens from {@code from} to the end; a type word after the years names the type. */
  private Found remove(List<String> t, int from, YearRange range, int postfix, int size) {
    TypeHint type = null;
    if (postfix > 0) {
      String last = t.get(size - 1);
      if (v.movie.contains(last)) {
        type = TypeHint.MOVIE;
      } else if (v.tv.contains(last)) {
        type = TypeHint.TV;
      }
    }
    t.subList(from, size).clear();
    return new Found(range, type, null);
  }

  /**
   * A bare year after the title ("dune 2021"): the year first, the whole title as an
   * alternative. Only for a four-digit year (or a spoken one) from 1900 to next year + 1.
   */
  Found bareTrailing(List<String> t) {
    if (t.size() < 2) {
      return null;
    }
    int e = t.size();
    for (int i = Math.max(1, e - 4); i < e; i++) {
      NumberWords.Match y = NumberWords.year(t, i, v.german);
      if (y != null && i + y.length() == e && y.value() >= 1900 && y.value() <= currentYear + 2
          && !v.numberBlockers.contains(Phrases.key(t.get(i - 1)))
          && !t.subList(0, i).stream().allMatch(w -> v.refineFiller.contains(Phrases.key(w)))) {
        String whole = String.join(" ", t.stream().map(Phrases::key).toList());
        String rest = String.join(" ", t.subList(0, i).stream().map(Phrases::key).toList());
        if (v.prepositions.contains(Phrases.key(t.get(i - 1)))) {
          // "class of 1999", "summer of 1984": a number after "of" is most likely the title's
          return new Found(null, null, new Reading(rest, YearRange.of(y.value())));
        }
        t.subList(i, e).clear();
        return new Found(YearRange.of(y.value()), null, new Reading(whole, null));
      }
    }
    return null;
  }

  /**
   * "the 1978 halloween", "the 1984 version of dune": a year before the title. The year is read
   * first, the words as spoken are kept as an alternative reading.
   */
  Found leading(List<String> t) {
    if (t.size() < 3 || !v.yearArticles.contains(key(t, 0))) {
      return null;
    }
    NumberWords.Match y = NumberWords.year(t, 1, v.german);
    if (y == null || y.length() != 1 || y.value() < 1900 || y.value() > currentYear + 2) {
      return null;
    }
    int i = 2;
    int post = v.yearPostfix.matchAt(t, i);
    if (post > 0 && i + post < t.size() && v.prepositions.contains(key(t, i + post))) {
      t.subList(0, i + post + 1).clear(); // "the 1984 version of dune"
      return new Found(YearRange.of(y.value()), null, null);
    }
    String whole = String.join(" ", t.stream().map(Phrases::key).toList());
    t.subList(0, i).clear();
    return new Found(YearRange.of(y.value()), null, new Reading(whole, null));
  }

  private static String key(List<String> t, int i) {
    return Phrases.key(t.get(i));
  }
}
