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
  /** "Hang on", "let me think": what is pending stays pending. */
  STALL,
  /** A question about one title: "is Dune ready yet", "ist Dune schon da". */
  STATUS,
  /** A question about the requests: "what's downloading", "what did I ask for". */
  REQUESTS,
  /** Narrows what is on offer without a new title ("the one from 1984", "the series", "season 2"). */
  REFINE;

  /** True for answers to what the conversation asked (and "open", "help"), not for requests. */
  public boolean isAnswer() {
    return this != REQUEST && this != REFINE && this != STATUS && this != REQUESTS;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
