package dev.overtalkerr.understanding;

/**
 * One turn as the understanding sees it: the words and the sentence trigger's hints.
 *
 * @param text what was said, as speech-to-text gave it, or null when only slots were sent
 * @param hint the trigger's hint (the contract's {@code intent}), or null
 * @param slotTitle the trigger's title slot, or null
 * @param slotSeason the trigger's season slot ("2", "two"), or null
 * @param language "en" or "de"
 */
public record Utterance(String text, Hint hint, String slotTitle, String slotSeason, String language) {
  boolean hasText() {
    return text != null && !text.isBlank();
  }

  boolean hasSlotTitle() {
    return slotTitle != null && !slotTitle.isBlank();
  }
}
