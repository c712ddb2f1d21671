package dev.overtalkerr.understanding;

/**
 * The one reading of a turn in its context, everything the conversation needs so that it never
 * reads the words again.
 *
 * @param understanding what was asked (intent, title, slots), with the trigger's hints applied
 * @param position a choice by number ("the second one", "2"), or null
 * @param seasonAnswer the season(s) named as an answer about the series on offer ("two", "the
 *     latest", "one and two"), or null
 * @param correction when the turn starts with "no", "wait", "actually": the request after those
 *     words, to try when the whole turn finds nothing; or null
 * @param leadingNo true when the turn starts with a plain "no" ("no, the british one")
 * @param onlyMine for {@link Intent#REQUESTS}: only the asker's own requests ("what did I ask
 *     for"), not all that are on their way ("what's downloading")
 */
public record Interpretation(
    Understanding understanding, Integer position, SeasonSpec seasonAnswer, Understanding correction, boolean leadingNo,
    boolean onlyMine) {

  public static Interpretation of(Understanding u) {
    return new Interpretation(u, null, null, null, false, false);
  }

  public Interpretation(Understanding understanding, Integer position, SeasonSpec seasonAnswer, Understanding correction,
      boolean leadingNo) {
    this(understanding, position, seasonAnswer, correction, leadingNo, false);
  }

  public Intent intent() {
    return understanding.intent();
  }
}
