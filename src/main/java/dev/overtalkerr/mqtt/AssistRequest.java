package dev.overtalkerr.mqtt;

import dev.overtalkerr.conversation.Turn;
import dev.overtalkerr.understanding.Hint;

/**
 * One turn as Home Assistant publishes it on {@code <base>/assist/request}, decoded and checked
 * (see {@link WireDecoder}).
 *
 * @param id the caller's id (names the reply topic)
 * @param text what was said, or null when only slots or an intent came
 * @param intent the sentence trigger's hint (the contract's intent enum), or null
 * @param slotTitle {@code slots.title} as text, or null
 * @param slotSeason {@code slots.season} as text, or null
 * @param language the request's language, or null for the configured one
 * @param satelliteId who and where: each may be null
 * @param deviceId see satelliteId
 * @param userId see satelliteId
 * @param conversationId see satelliteId
 */
public record AssistRequest(
    String id,
    String text,
    Hint intent,
    String slotTitle,
    String slotSeason,
    String language,
    String satelliteId,
    String deviceId,
    String userId,
    String conversationId) {

  /** The turn for the dialog. */
  public Turn toTurn() {
    return new Turn(text, intent == null ? null : intent.wire(), slotTitle, slotSeason, language, satelliteId, deviceId, userId,
        conversationId);
  }
}
