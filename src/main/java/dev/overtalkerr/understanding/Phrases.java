package dev.overtalkerr.understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A list of word sequences ("can you", "search for") matched against normalised tokens, longest
 * first. Tokens may keep an apostrophe inside a word ("severance's"); matching ignores it, so the
 * phrases are written without apostrophes ("thats", "id like").
 */
final class Phrases {
  private final List<String[]> items;

  private Phrases(List<String[]> items) {
    this.items = new ArrayList<>(items);
    this.items.sort(Comparator.comparingInt((String[] p) -> p.length).reversed());
  }

  static Phrases of(String... phrases) {
    List<String[]> list = new ArrayList<>();
    for (String p : phrases) {
      list.add(p.trim().split("\\s+"));
    }
    return new Phrases(list);
  }

  Phrases plus(Phrases other) {
    List<String[]> list = new ArrayList<>(items);
    list.addAll(other.items);
    return new Phrases(list);
  }

  /** The token as vocabulary sees it: without apostrophes. */
  static String key(String token) {
    return token.indexOf('\'') < 0 ? token : token.replace("'", "");
  }

  /** Length of the longest phrase starting at {@code i}, or 0. */
  int matchAt(List<String> t, int i) {
    for (String[] p : items) {
      if (matches(t, i, p)) {
        return p.length;
      }
    }
    return 0;
  }

  /** The number of words of the longest phrase. */
  int maxLength() {
    return items.isEmpty() ? 0 : items.get(0).length;
  }

  /** Whether a phrase of exactly {@code length} words starts at {@code i}. */
  boolean matchesAt(List<String> t, int i, int length) {
    for (String[] p : items) {
      if (p.length == length && matches(t, i, p)) {
        return true;
      }
    }
    return false;
  }

  /** Length of the longest phrase that ends just before {@code end}, or 0. */
  int matchEndingAt(List<String> t, int end) {
    for (String[] p : items) {
      if (end - p.length >= 0 && matches(t, end - p.length, p)) {
        return p.length;
      }
    }
    return 0;
  }

  /** Whether the tokens are exactly one of the phrases. */
  boolean isWhole(List<String> t) {
    for (String[] p : items) {
      if (p.length == t.size() && matches(t, 0, p)) {
        return true;
      }
    }
    return false;
  }

  boolean contains(String word) {
    for (String[] p : items) {
      if (p.length == 1 && p[0].equals(key(word))) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(List<String> t, int i, String[] p) {
    if (i < 0 || i + p.length > t.size()) {
      return false;
    }
    for (int k = 0; k < p.length; k++) {
      if (!p[k].equals(key(t.get(i + k)))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return items.stream().map(Arrays::toString).toList().toString();
  }
}
