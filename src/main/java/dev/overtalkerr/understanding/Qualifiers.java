package dev.overtalkerr.understanding;

import static dev.overtalkerr.understanding.UtteranceParser.key;

import dev.overtalkerr.domain.Kind;
import dev.overtalkerr.understanding.UtteranceParser.Slots;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What is said about a title besides its words, taken out of it for the ranker: a person ("dune,
 * the one with kyle maclachlan", "Keinohrhasen mit Til Schweiger"), a version, kind or origin
 * ("the original total recall", "the lion king remake", "the animated beauty and the beast",
 * "the korean oldboy", "den koreanischen Oldboy", "die Doku Free Solo", "X, the older one") and
 * the entry of a series ("the second harry potter film", "part two of dune", "den zweiten Teil
 * von Dune"). The words live in the language files ({@code versions}, {@code kinds}, {@code
 * origins}, {@code person-markers}, {@code sequel-words}...).
 *
 * <p>Where a qualifier before a title may as well start the title ("the italian job", "american
 * pie", "the fifth element"), the words as spoken stay an alternative {@link Reading}; the search
 * results settle it (the ranker does not count a sequel when another reading matches exactly).
 */
final class Qualifiers {
  private Qualifiers() {}

  /** One qualifier found: its meaning and its length in words. */
  private record Found(String map, String key, int length) {}

  // ---------------------------------------------------------------- people

  /**
   * "X with P", "X by P", "X, the one with P", "X mit P", "X von P": P is a person when it looks
   * like a name (two or three words, one after a strong marker such as "the one with"; no article,
   * pronoun or number: "dances with wolves", "stand by me" and "interview with the vampire" keep
   * their words).
   */
  static void extractPerson(List<String> t, Vocabulary v, Slots s) {
    for (int i = t.size() - 2; i >= 1; i--) {
      int m = v.personMarkers.matchAt(t, i);
      if (m == 0 || i + m >= t.size()) {
        continue;
      }
      List<String> name = t.subList(i + m, t.size());
      boolean strong = v.personMarkersStrong.matchEndingAt(t, i + m) > 0;
      if (!isName(name, strong, v)) {
        continue;
      }
      int start = i - (strong ? v.personMarkersStrong.matchEndingAt(t, i + m) - m : 0);
      if (start < 1) {
        // "the one with lady gaga" alone would narrow the offer by credits, which the conversation
        // cannot do yet: its words stay, and the dialog says it caught no new title
        return;
      }
      s.person = String.join(" ", name.stream().map(Phrases::key).toList());
      t.subList(start, t.size()).clear();
      return;
    }
  }

  private static boolean isName(List<String> name, boolean strong, Vocabulary v) {
    if (name.size() < (strong ? 1 : 2) || name.size() > 3) {
      return false;
    }
    for (int k = 0; k < name.size(); k++) {
      String w = key(name, k);
      if (v.nameBlockers.contains(w) || v.articles.contains(w) || v.prepositions.contains(w)
          || w.chars().anyMatch(Character::isDigit) || v.movie.contains(w) || v.tv.contains(w)
          || v.seasonWords.contains(w) || NumberWords.cardinal(name, k, v.german) != null) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- versions, kinds, origins

  /** Qualifiers before the title, after it, or in "X, the older one". */
  static void extract(List<String> t, Vocabulary v, Slots s) {
    if (leading(t, v, s)) {
      return;
    }
    if (describedOne(t, v, s)) {
      return;
    }
    trailing(t, v, s);
  }

  /** "the original X", "the french version of X", "den koreanischen X", "die Doku X". */
  private static boolean leading(List<String> t, Vocabulary v, Slots s) {
    String whole = String.join(" ", t.stream().map(Phrases::key).toList());
    int j = 0;
    if (j < t.size() && v.articles.contains(key(t, j))) {
      j++;
    }
    List<Found> found = new ArrayList<>();
    Found f;
    while (j < t.size() && (f = qualifierAt(t, j, v, true)) != null) {
      found.add(f);
      j += f.length();
    }
    if (found.isEmpty()) {
      return false;
    }
    boolean marked = false;
    if (j < t.size() && v.versionNouns.contains(key(t, j))) {
      j++;
      marked = true;
    }
    TypeHint type = compoundType(t.get(j - 1));
    int typeLength = v.movie.matchAt(t, j);
    if (typeLength > 0) {
      type = TypeHint.MOVIE;
    } else if ((typeLength = v.tv.matchAt(t, j)) > 0) {
      type = TypeHint.TV;
    }
    if (typeLength > 0 && j + typeLength < t.size()) {
      j += typeLength;
      marked = true;
    }
    if (j < t.size() && v.prepositions.contains(key(t, j)) || j < t.size() && key(t, j).equals("vom")) {
      j++;
      marked = true;
    }
    boolean nothingLeft = t.subList(j, t.size()).stream().allMatch(w -> v.refineFiller.contains(Phrases.key(w)));
    if (j >= t.size() || nothingLeft) {
      if (j < t.size() || found.stream().anyMatch(q -> q.map().equals("kinds") || q.map().equals("origins"))) {
        apply(found, s); // "the animated one", "die koreanische Version": a refinement
        applyType(type, s);
        t.clear();
        return true;
      }
      return false; // "the original" alone: the order refinement reads it
    }
    apply(found, s);
    applyType(type, s);
    boolean couldBeTitle = found.stream().anyMatch(q -> !q.map().equals("kinds"));
    t.subList(0, j).clear();
    if (!marked && couldBeTitle) {
      s.alternatives.add(new Reading(whole, s.years)); // "the italian job", "american pie"
    }
    return true;
  }

  /** "dune, the older one", "psycho, the black and white one", "oldboy, the korean one". */
  private static boolean describedOne(List<String> t, Vocabulary v, Slots s) {
    if (t.size() < 3 || v.german || !key(t, t.size() - 1).equals("one")) {
      return false;
    }
    for (int a = 1; a < t.size() - 1; a++) {
      if (!v.articles.contains(key(t, a))) {
        continue;
      }
      List<Found> found = new ArrayList<>();
      Understanding.Order order = null;
      int k = a + 1;
      boolean described = true;
      while (k < t.size() - 1) {
        Found f = qualifierAt(t, k, v, true);
        if (f != null) {
          found.add(f);
          k += f.length();
          continue;
        }
        String w = key(t, k);
        if (v.newer.contains(w)) {
          order = Understanding.Order.NEWER;
          k++;
        } else if (v.older.contains(w)) {
          order = Understanding.Order.OLDER;
          k++;
        } else if (v.descriptors.matchAt(t, k) > 0) {
          k += v.descriptors.matchAt(t, k);
        } else {
          described = false;
          break;
        }
      }
      if (described && k == t.size() - 1 && k > a + 1) {
        apply(found, s);
        if (order != null) {
          s.order = order;
        }
        t.subList(a, t.size()).clear();
        return true;
      }
    }
    return false;
  }

  /** "the point break remake", "the free solo documentary", "die Band of Brothers Miniserie". */
  private static void trailing(List<String> t, Vocabulary v, Slots s) {
    if (t.size() < 2) {
      return;
    }
    int mini = v.miniseries.matchEndingAt(t, t.size());
    Found f = mini > 0 ? null : qualifierEndingAt(t, v);
    int n = mini > 0 ? mini : f == null ? 0 : f.length();
    if (n == 0 || n >= t.size()) {
      return;
    }
    if (mini > 0) {
      s.type = TypeHint.TV;
    } else {
      apply(List.of(f), s);
      applyType(compoundType(t.get(t.size() - 1)), s);
    }
    t.subList(t.size() - n, t.size()).clear();
    if (t.size() > 1 && v.articles.contains(key(t, 0))) {
      t.remove(0); // the article was the qualifier's: "the remake of point break"
    }
  }

  private static Found qualifierAt(List<String> t, int i, Vocabulary v, boolean leading) {
    Found best = null;
    for (Map.Entry<String, Map<String, Phrases>> map : maps(v).entrySet()) {
      for (Map.Entry<String, Phrases> e : map.getValue().entrySet()) {
        int n = e.getValue().matchAt(t, i);
        if (n > 0 && (best == null || n > best.length())) {
          best = new Found(map.getKey(), e.getKey(), n);
        }
      }
    }
    return best;
  }

  private static Found qualifierEndingAt(List<String> t, Vocabulary v) {
    Found best = null;
    for (Map.Entry<String, Map<String, Phrases>> map : maps(v).entrySet()) {
      if (map.getKey().equals("origins")) {
        continue; // a nationality after a title is "X, the korean one" (see describedOne)
      }
      for (Map.Entry<String, Phrases> e : map.getValue().entrySet()) {
        int n = e.getValue().matchEndingAt(t, t.size());
        if (n > 0 && (best == null || n > best.length())) {
          best = new Found(map.getKey(), e.getKey(), n);
        }
      }
    }
    return best;
  }

  private static Map<String, Map<String, Phrases>> maps(Vocabulary v) {
    return Map.of("versions", v.versions, "kinds", v.kinds, "origins", v.origins);
  }

  private static void apply(List<Found> found, Slots s) {
    for (Found f : found) {
      switch (f.map()) {
        case "versions" -> s.order = f.key().equals("newer") ? Understanding.Order.NEWER : Understanding.Order.OLDER;
        case "kinds" -> s.kind = Kind.valueOf(f.key().toUpperCase(Locale.ROOT).replace('-', '_'));
        default -> s.origin = f.key().toLowerCase(Locale.ROOT);
      }
    }
  }

  /** German compounds carry the type: "Zeichentrickfilm" is a film, "Zeichentrickserie" a series. */
  private static TypeHint compoundType(String word) {
    String w = Phrases.key(word);
    if (w.length() > 5 && w.endsWith("film")) {
      return TypeHint.MOVIE;
    }
    if (w.length() > 6 && w.endsWith("serie")) {
      return TypeHint.TV;
    }
    return null;
  }

  private static void applyType(TypeHint type, Slots s) {
    if (type != null && s.type == TypeHint.ANY) {
      s.type = type;
    }
  }

  // ---------------------------------------------------------------- sequels

  /**
   * "the second dune film", "the third toy story movie", "the second john wick", "part two of
   * dune", "den zweiten Teil von Dune", "den dritten Toy Story Film": the title and the entry's
   * place. Without a type word or "part" the words as spoken stay an alternative reading ("the
   * fifth element" is a title).
   */
  static void extractSequel(List<String> t, Vocabulary v, Slots s) {
    String whole = String.join(" ", t.stream().map(Phrases::key).toList());
    int j = 0;
    if (j < t.size() && v.articles.contains(key(t, j))) {
      j++;
    }
    boolean certain = false;
    NumberWords.Match n;
    int part = v.sequelWords.matchAt(t, j);
    if (part > 0) {
      // "part two of dune"
      n = NumberWords.cardinal(t, j + part, v.german);
      if (n == null) {
        n = NumberWords.ordinal(t, j + part, v.german);
      }
      int k = j + part + (n == null ? 0 : n.length());
      if (n == null || k >= t.size() || !(v.prepositions.contains(key(t, k)) || key(t, k).equals("vom"))) {
        return;
      }
      j = k + 1;
      certain = true;
    } else {
      n = NumberWords.ordinal(t, j, v.german);
      if (n == null) {
        return;
      }
      j += n.length();
      int counter = v.sequelWords.matchAt(t, j);
      if (counter > 0 && j + counter < t.size()
          && (v.prepositions.contains(key(t, j + counter)) || key(t, j + counter).equals("vom"))) {
        j += counter + 1; // "den zweiten Teil von Dune"
        certain = true;
      }
    }
    if (n.value() < 1 || n.value() > 20 || j >= t.size()) {
      return;
    }
    List<String> rest = new ArrayList<>(t.subList(j, t.size()));
    if (rest.stream().allMatch(w -> v.refineFiller.contains(Phrases.key(w)) || Phrases.key(w).equals("one"))
        || rest.stream().anyMatch(w -> v.seasonWords.contains(Phrases.key(w)))) {
      return; // "the second one": a choice among offers; seasons are no sequels
    }
    if (rest.size() >= 2) {
      String last = key(rest, rest.size() - 1);
      if (v.movie.contains(last) || v.sequelWords.contains(last)) {
        rest.remove(rest.size() - 1);
        if (v.movie.contains(last) && s.type == TypeHint.ANY) {
          s.type = TypeHint.MOVIE;
        }
        certain = true;
      }
    }
    s.sequel = n.value();
    t.clear();
    t.addAll(rest);
    if (!certain) {
      s.alternatives.add(new Reading(whole, s.years));
    }
  }
}
