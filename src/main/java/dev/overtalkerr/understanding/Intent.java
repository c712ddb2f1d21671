package dev.overtalkerr.understanding;

import java.util.Locale;

/** What a person wants with one utterance, before the dialog puts it in context. */
public enum Intent {
  /** "open overtalkerr", an empty utterance: nothing asked yet. */
  LAUNCH,
  /** Find a title and offer it ("download dune"). */
  REQUEST,
  /** Yes to what is on offer ("yes please", "sure go ahead", "ja"). */
  CONFIRM,
  /** No to what is on offer ("no thanks", "wrong one"): offer the next match. */
  REJECT,
  /** Skip to the next match ("next", "skip", "another one"). */
  NEXT,
  /** Stop the dialog ("cancel", "never mind", "abbrechen"). */
  CANCEL,
  /** How to use it ("help", "what can I say"). */
  HELP,
  /** Narrows what is on offer without a new title ("the one from 1984", "the series", "season 2"). */
  REFINE,
  /**
   * A question about a title ("have we got Dune", "is Severance downloaded yet", "haben wir Dark
   * schon"): answer with its status, and offer to request it when it is missing.
   */
  STATUS,
  /**
   * Stalling ("hang on", "one moment", "warte kurz"): nothing to do; what is pending (the offer,
   * the question) stays as it is.
   */
  WAIT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
