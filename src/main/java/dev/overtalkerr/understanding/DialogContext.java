package dev.overtalkerr.understanding;

/**
 * What the conversation is waiting for when a turn arrives, as the {@link Interpreter} needs it
 * (the way hassil's recognizer is given the dialog's context).
 *
 * @param expect what the last reply asked for
 * @param offeredTitle the title on offer, or null
 * @param offeredSeries true when the title on offer is a series
 */
public record DialogContext(Expect expect, String offeredTitle, boolean offeredSeries) {
  /** Nothing pending: a new conversation. */
  public static final DialogContext NONE = new DialogContext(Expect.NONE, null, false);

  public DialogContext {
    expect = expect == null ? Expect.NONE : expect;
  }
}
